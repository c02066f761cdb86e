/**
 * Kinds of page behind the train mistakes of issue 12, each in variants of our own markup: grids whose rows are each
 * their own table, a table of one document's 签收 records, the chosen menu entry as the page's kind cue (and the
 * other entries as no cue), labels naming two things or carrying the lead unit's role, a 密级★期限 list cell.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../tools/analyze-file';

const page = (body: string, title = '协同办公') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const read = (body: string, title?: string) => analyzeHtml(page(body, title), 'http://oa.example.gov.cn/oa/page?id=3');

const DOCS = [
  ['闽应急〔2026〕31号', '关于开展2026年汛前安全隐患排查的通知', '2026-04-02', '省应急管理厅'],
  ['闽财建[2026]8号', '关于下达2026年第二批基础设施补助资金的通知', '2026-03-28', '省财政厅'],
  ['榕政办〔2026〕55号', '福州市人民政府办公厅关于印发城市更新行动方案的通知', '2026-03-25', '市政府办公厅'],
] as const;

describe('grids whose header and rows are separate tables', () => {
  it('ExtJS 3: the header table in one block, every row its own table in the next', () => {
    const head = ['', '文号', '标题', '发文日期', '来文机关或部门', '操作'].map((h) => `<td class="x-grid3-hd"><div class="x-grid3-hd-inner"><a class="x-grid3-hd-btn"></a>${h}</div></td>`).join('');
    const rows = DOCS.map(
      ([no, title, date, issuer], i) =>
        `<div class="x-grid3-row"><table class="x-grid3-row-table"><tbody><tr><td><div class="x-grid3-cell-inner">${i + 1}</div></td><td><div class="x-grid3-cell-inner">${no}</div></td><td><div class="x-grid3-cell-inner">${title}</div></td><td><div class="x-grid3-cell-inner">${date}</div></td><td><div class="x-grid3-cell-inner">${issuer}</div></td><td><div class="x-grid3-cell-inner"><span class="btn">查看</span></div></td></tr></tbody></table></div>`,
    ).join('');
    const analysis = read(`<div class="x-grid3"><div class="x-grid3-viewport"><div class="x-grid3-header"><div class="x-grid3-header-inner"><div class="x-grid3-header-offset"><table><thead><tr class="x-grid3-hd-row">${head}</tr></thead></table></div></div></div><div class="x-grid3-scroller"><div class="x-grid3-body">${rows}</div></div></div></div>`);
    expect(analysis.kind).toBe('list');
    expect(analysis.rows).toEqual(DOCS.map(([no, title, date, issuer]) => ({ docNumber: no.replace('[', '〔').replace(']', '〕'), title, documentDate: date, issuer })));
    expect(analysis.fields).toEqual({});
  });

  it('a column heading beside another heading is no value (header row in a thead, body elsewhere)', () => {
    const analysis = read(`<table><thead><tr><td>标题</td><td>办理状态</td><td>来文单位</td><td>管理</td></tr></thead></table><p>暂无数据</p>`);
    expect(analysis.fields).toEqual({});
  });
});

describe('a table of one document’s records is that document, not a list', () => {
  it('a 签收 record: every row repeats the document’s title and 文号', () => {
    const rows = ['第一项目部', '第二项目部', '检测中心']
      .map((unit, i) => `<tr><td>${i + 1}</td><td>${unit}</td><td>${DOCS[0][0]}</td><td>${DOCS[0][1]}</td><td>2026-04-03</td><td>${i ? '' : '张伟'}</td><td></td></tr>`)
      .join('');
    const analysis = read(`<table><tr><td class="td-title">文件签收情况</td></tr></table>
      <table class="grid"><tr class="grid_head"><td>序号</td><td>接收单位</td><td>文号</td><td>标题</td><td>分发时间</td><td>签收人</td><td>签收时间</td></tr>${rows}</table>`, '查看签收');
    expect(analysis.kind).toBe('circulation');
    expect(analysis.rows).toBeUndefined();
    expect(analysis.fields).toEqual({ docNumber: DOCS[0][0], title: DOCS[0][1] });
  });

  it('the same table with a different document on each row stays a list', () => {
    const rows = DOCS.map(([no, title, date]) => `<tr><td>${no}</td><td>${title}</td><td>${date}</td><td>张伟</td></tr>`).join('');
    const analysis = read(`<table><tr><th>文号</th><th>标题</th><th>收文日期</th><th>签收人</th></tr>${rows}</table>`);
    expect(analysis.kind).toBe('list');
    expect(analysis.rows).toHaveLength(3);
  });
});

describe('the chosen menu entry names the page; the other entries do not', () => {
  const MENU = (active: string) =>
    ['收文登记', '文件传阅', '收文查询', '系统设置', '发文拟稿'].map((m) => `<li class="${m === active ? 'on' : ''}"><span class="menu-title">${m}</span></li>`).join('');
  const VIEW = `<table class="mtab"><tr><td class="head_left">
      来文单位
    </td><td class="head_right">省应急管理厅 &nbsp;</td></tr><tr><td class="head_left">文件编号</td><td class="head_right">${DOCS[0][0]}</td></tr>
    <tr><td class="head_left">文件名称</td><td class="head_right">${DOCS[0][1]}</td></tr>
    <tr><td class="head_left">
      传阅人
    </td><td class="head_right"><font color="green">周建明</font>;<font color="red">孙立伟</font>; <input type="button" value="传阅人"></td></tr></table>`;

  it('a bare view under a 文件传阅 entry marked `on`, with its 传阅人 row, is a circulation page', () => {
    const analysis = read(`<ul class="leftmenu">${MENU('文件传阅')}</ul><div class="main">${VIEW}</div>`, '');
    expect(analysis.kind).toBe('circulation');
    expect(analysis.fields).toMatchObject({ issuer: '省应急管理厅', docNumber: DOCS[0][0], title: DOCS[0][1] });
  });

  it('a list under a sidebar whose other entries say 系统设置 and 发文拟稿 is still a list', () => {
    const rows = DOCS.map(([no, title, date]) => `<tr><td>${no}</td><td>${title}</td><td>${date}</td></tr>`).join('');
    const analysis = read(`<div class="el-submenu"><div class="el-submenu__title">系统设置</div><div class="el-submenu__title">发文拟稿</div></div>
      <div class="el-tabs__item is-active">抄送我的</div><table><tr><th>公文字号</th><th>公文标题</th><th>公文日期</th></tr>${rows}</table>`, '抄送我的');
    expect(analysis.kind).toBe('list');
  });
});

describe('labels naming two things, or carrying the lead unit’s role', () => {
  it.each([
    ['来文机关或部门', 'issuer', '省应急管理厅'],
    ['收文日期/时间', 'receivedDate', '2026-04-03'],
    ['主办办结时间', 'deadline', '2026-04-20'],
    ['承办单位办理期限', 'deadline', '2026-04-20'],
  ])('%s', (label, field, value) => {
    const analysis = read(`<h3>收文处理笺</h3><table border="1"><tr><th>文号</th><td>${DOCS[0][0]}</td><th>${label}</th><td>${value}</td></tr><tr><th>标题</th><td colspan="3">${DOCS[0][1]}</td></tr></table>`);
    expect(analysis.fields).toMatchObject({ [field]: value });
  });

  it('a label whose parts name different fields names none', () => {
    const analysis = read(`<h3>收文处理笺</h3><table border="1"><tr><th>文号</th><td>${DOCS[0][0]}</td><th>密级/紧急程度</th><td>秘密/特急</td></tr><tr><th>标题</th><td colspan="3">${DOCS[0][1]}</td></tr></table>`);
    expect(analysis.fields.classification).toBeUndefined();
    expect(analysis.fields.urgency).toBeUndefined();
  });
});

describe('a 密级 list cell with its 保密期限', () => {
  it('秘密★1年 in a row gives both, as on a document page', () => {
    const rows = DOCS.map(([no, title], i) => `<tr><td>${no}</td><td>${title}</td><td>${['秘密★1年', '内部', '机密★10年'][i]}</td></tr>`).join('');
    const analysis = read(`<table><tr><th>文号</th><th>标题</th><th>密级</th></tr>${rows}</table>`);
    expect(analysis.rows?.map((r) => [r.classification, r.classificationPeriod])).toEqual([
      ['confidential', '1年'],
      ['internal', undefined],
      ['secret', '10年'],
    ]);
  });
});

describe('documents in traditional characters', () => {
  it('a 收文 list with ROC dates, …字第…號 文號 and 主旨 as the title column', () => {
    const rows = [
      ['115.03.05', '北府教字第1150012345號', '北州縣政府教育處', '檢送115年度校園安全演練計畫，請查照。'],
      ['115.02.26', '衛部醫字第1151660077號', '衛生福利部', '有關115年度醫療機構評鑑作業期程，請查照。'],
    ]
      .map(([date, no, unit, subject]) => `<tr><td>${date}</td><td>${no}</td><td>${unit}</td><td>${subject}</td><td>已簽</td></tr>`)
      .join('');
    const analysis = read(`<h3>115年度收文資料</h3><table><thead><tr><th>來文日期</th><th>來文檔號</th><th>來文單位</th><th>主旨</th><th>簽章狀態</th></tr></thead><tbody>${rows}</tbody></table>`);
    expect(analysis.kind).toBe('list');
    expect(analysis.rows?.[0]).toEqual({ receivedDate: '2026-03-05', docNumber: '北府教字第1150012345號', issuer: '北州縣政府教育處', title: '檢送115年度校園安全演練計畫，請查照。' });
  });
});

describe('a title bar in the shape of a document title names the document', () => {
  it('the 传阅情况 tab of a document’s window: the title in the layer’s title bar, people in the rows', () => {
    const rows = ['陈国栋', '刘晓岚', '黄志诚'].map((p, i) => `<tr><td>${i + 1}</td><td>2026-04-03 10:12</td><td>${p}</td><td>${i ? '' : '2026-04-03 11:40'}</td><td>${i ? '未阅' : '已阅'}</td></tr>`).join('');
    const analysis = read(`<div class="layer-title">${DOCS[0][1]}</div><ul class="tabs"><li>办理单</li><li>正文</li><li class="active">传阅情况</li></ul>
      <table><thead><tr><th>序号</th><th>发送时间</th><th>人员</th><th>处理时间</th><th>状态</th></tr></thead><tbody>${rows}</tbody></table>`, '');
    expect(analysis.kind).toBe('circulation');
    expect(analysis.fields).toEqual({ title: DOCS[0][1] });
    expect(analysis.evidence.fields.title?.strategy).toBe('heading');
  });

  it('a heading that is not a document title gives none', () => {
    const analysis = read(`<div class="layer-title">会议室预约详情</div><ul class="tabs"><li class="active">传阅情况</li></ul><p>暂无记录</p>`, '');
    expect(analysis.fields.title).toBeUndefined();
    expect(analysis.kind).toBe('none');
  });
});
