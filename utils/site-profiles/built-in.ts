/**
 * Built-in profiles for common OA layouts, as data (the tests validate each against `siteProfileSchema`).
 *
 * These are "-like" profiles written from general knowledge of how these products lay out their pages
 * (xinhu, Weaver e-cology, Seeyon CAP4, Landray EKP, Tongda, O2OA), not from their sources or documentation,
 * and they are not affiliated with those vendors. Form field ids such as e-cology's `field10086` or Seeyon's
 * `field0003` differ from one installation to the next, so the built-ins anchor on each layout's label cells,
 * classes and attributes; an office that wants to pin its own ids does so in its own profile.
 */
import type { FieldKey } from '../page-analysis/vocabulary';
import type { FieldCandidate, SiteProfile } from './profile-schema';

/** Label-anchored candidates, one per label the layout may use, within the layout's label elements. */
function labels(selector: string, ...names: string[]): FieldCandidate[] {
  return names.map((label): FieldCandidate => ({ strategy: 'label', selector, label }));
}

/** The usual 收文 form labels, read in one layout's label elements. */
function formFields(selector: string, keys: readonly FieldKey[]): SiteProfile['fields'] {
  const names: Record<FieldKey, string[]> = {
    registrationNo: ['收文编号', '收文号', '登记号'],
    receivedDate: ['收文日期', '收文时间', '签收日期'],
    issuer: ['来文单位', '来文机关', '发文单位'],
    docNumber: ['文件字号', '来文文号', '来文字号', '文号', '发文字号'],
    title: ['文件标题', '来文标题', '公文标题', '标题', '文件名称'],
    classification: ['密级', '文件密级'],
    classificationPeriod: ['保密期限'],
    urgency: ['紧急程度', '缓急', '缓急程度'],
    copyNumber: ['份号'],
    copies: ['份数', '来文份数'],
    documentDate: ['成文日期', '印发日期'],
    deadline: ['办理期限', '办理时限', '办结时限'],
  };
  return Object.fromEntries(keys.map((key) => [key, labels(selector, ...names[key])]));
}

const FORM: FieldKey[] = ['registrationNo', 'receivedDate', 'issuer', 'docNumber', 'title', 'classification', 'urgency', 'copies', 'deadline'];

export const BUILT_IN_PROFILES: SiteProfile[] = [
  {
    id: 'xinhu-like',
    name: '信呼类 OA（标签/值表格）',
    description: 'Label/value tables (td.tdleft labels) of a xinhu-like PHP OA; the flow summary above the form is ignored.',
    version: 1,
    builtIn: true,
    urlPatterns: ['*://*/index.php?*m=flow*', '*://*/task.php?*'],
    kinds: [
      { kind: 'registration', when: { selector: 'table.ke-zeroborder td.tdleft + td input[type=text]:not([readonly])' } },
      { kind: 'detail', when: { selector: 'table.ke-zeroborder td.tdleft' } },
    ],
    fields: formFields('table.ke-zeroborder td.tdleft', FORM),
    documentKey: { from: 'query', param: 'mid' },
    actions: { send: ['[click="chuanyue"]', '[click="songyue"]', '[onclick*="chuanyue"]', '[onclick*="songyue"]'], return: ['[click="zhuihui"]', '[onclick*="zhuihui"]'] },
  },
  {
    id: 'ecology-like',
    name: '泛微 e-cology 类表单（fieldNNNNN）',
    description: 'Workflow forms with fieldNNNNN controls: td.fieldName / td.fieldLbl label cells (labels may be broken over lines), values in span#fieldNNNNNspan or the control.',
    version: 1,
    builtIn: true,
    urlPatterns: ['*://*/spa/workflow/*', '*://*/workflow/request/*'],
    kinds: [
      { kind: 'registration', when: { selector: 'td input[name^="field"]:not([type=hidden]):not([readonly])' } },
      { kind: 'detail', when: { selector: 'td.fieldName + td span[id^="field"][id$="span"]' } },
      { kind: 'detail', when: { selector: 'td.fieldLbl + td [name^="field"]' } },
    ],
    fields: formFields('td.fieldName, td.fieldLbl', FORM),
    documentKey: { from: 'query', param: 'requestid' },
    actions: { send: ['button[onclick*="songyue"]', 'button[onclick*="chuanyue"]'], return: ['button[onclick*="doRetract"]'] },
  },
  {
    id: 'seeyon-cap4-like',
    name: '致远 CAP4 类表单',
    description: 'CAP4-like form blocks: a field title (.cap4-text__left, with any required star after it, or .field-title) and the value beside it.',
    version: 1,
    builtIn: true,
    urlPatterns: ['*://*/seeyon/*'],
    kinds: [
      { kind: 'registration', when: { selector: '.cap4-text__right input[type=text]:not([readonly]), .cap4-field .field-content input[type=text]:not([readonly])' } },
      { kind: 'detail', when: { selector: '.cap4-text__left, .cap4-field .field-title' } },
    ],
    fields: formFields('.cap4-text__left, .cap4-field .field-title', [...FORM, 'documentDate']),
    documentKey: { from: 'query', param: 'summaryId' },
    actions: { send: ['#songyueBtn', '#chuanyueBtn', '[onclick*="summary.songyue"]', '[onclick*="summary.chuanyue"]'], return: ['#takeBackBtn', '[onclick*="summary.takeBack"]'] },
  },
  {
    id: 'landray-like',
    name: '蓝凌 EKP 类查看页（td_normal_title）',
    description: 'Views with td.td_normal_title label cells; only the form’s own labels count (not the flow’s 主题 or 编号).',
    version: 1,
    builtIn: true,
    urlPatterns: ['*://*/km/review/*', '*://*/km/missive/*'],
    kinds: [{ kind: 'detail', when: { selector: 'table.tb_normal td.td_normal_title' } }],
    fields: formFields('td.td_normal_title', FORM),
    documentKey: { from: 'query', param: 'fdId' },
    actions: { send: ['.lui_toolbar_btn[data-action="circulate"]', '.lui_toolbar_btn[data-action="forward"]'], return: ['.lui_toolbar_btn[data-action="recall"]'] },
  },
  {
    id: 'tongda-like',
    name: '通达 OA 类登记簿（TableBlock）',
    description: 'table.TableBlock registers (tr.TableHeader, tr.TableLine1/2 rows; whole titles in the cell title, 缓急 as an icon) and td.TableContent / td.TableData forms.',
    version: 1,
    builtIn: true,
    urlPatterns: ['*://*/general/*'],
    kinds: [
      { kind: 'list', when: { selector: 'table.TableBlock tr.TableHeader ~ tr.TableLine1' } },
      { kind: 'registration', when: { selector: 'td.TableContent + td.TableData input[name^="DATA_"][type=text]:not([readonly])' } },
      { kind: 'detail', when: { selector: 'td.TableContent + td.TableData' } },
    ],
    fields: formFields('td.TableContent', FORM),
    documentKey: { from: 'query', param: 'RUN_ID' },
    actions: { send: ['input[type=button][value="传阅"]', 'a[href^="javascript:circulate"]'], return: ['input[type=button][value="收回"]'] },
    list: {
      rowSelector: 'table.TableBlock tr.TableLine1, table.TableBlock tr.TableLine2',
      fields: {
        registrationNo: ':scope > td:nth-child(2)',
        docNumber: ':scope > td:nth-child(3)',
        title: { selector: ':scope > td:nth-child(4)', attribute: 'title' },
        issuer: ':scope > td:nth-child(5)',
        receivedDate: ':scope > td:nth-child(6)',
        urgency: { selector: ':scope > td:nth-child(7) img', attribute: 'title' },
        deadline: ':scope > td:nth-child(8)',
      },
    },
  },
  {
    id: 'o2oa-like',
    name: 'O2OA 类红头公文',
    description: 'Red-header documents whose GB/T 9704 elements each sit in their own o2_doc_* block.',
    version: 1,
    builtIn: true,
    urlPatterns: ['*://*/x_desktop/*'],
    kinds: [{ kind: 'detail', when: { selector: '.o2_doc_fileNo' } }],
    fields: {
      copyNumber: [{ strategy: 'structural', selector: '.o2_doc_copyNo' }],
      classification: [{ strategy: 'structural', selector: '.o2_doc_secret' }],
      urgency: [{ strategy: 'structural', selector: '.o2_doc_priority' }],
      docNumber: [{ strategy: 'structural', selector: '.o2_doc_fileNo' }],
      title: [{ strategy: 'structural', selector: '.o2_doc_title' }],
      issuer: [{ strategy: 'structural', selector: '.o2_doc_issuanceUnit' }, { strategy: 'structural', selector: '.o2_doc_redHeader', valuePattern: '^(.+?)(?:文件)?$' }],
      documentDate: [{ strategy: 'structural', selector: '.o2_doc_issuanceDate' }],
    },
    documentKey: { from: 'query', param: 'workid' },
    actions: { send: ['.o2_toolbar [title="传阅"]'], return: ['.o2_toolbar [title="撤回"]'] },
  },
];
