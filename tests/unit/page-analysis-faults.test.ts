/**
 * Each kind of fault of issue 12, in variants of our own (not the shared cases' markup): a label split inside its
 * cell, label ↔ value pairing in UI-kit layouts, vocabulary by label and value shape, value words, 文号 and date
 * forms, and the kind decisions (four-column tables, signing tables, lists with unknown columns).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { analyzePage } from '@/utils/page-analysis/analyze-page';
import { analyzeHtml } from '../../tools/analyze-file';

const page = (body: string, title = '公文处理') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const read = (body: string, title?: string) => analyzeHtml(page(body, title), 'http://oa.example.gov.cn/doc?id=1');
const TITLE = '关于做好2026年冬季消防安全工作的通知';

describe('labels split inside a cell', () => {
  it.each([
    ['a <br> in the middle', '来文<br>单位'],
    ['one character per line', '来<br>文<br>单<br>位'],
    ['a span per character', '<span>来</span><span>文</span><span>单</span><span>位</span>'],
    ['spaces between characters', '来 文 单 位'],
    ['full-width spaces and a colon', '来　文　单　位：'],
    ['wrapped in div > span with a line break', '<div align="center"><span class="s">来文<br>\n      单位</span></div>'],
  ])('%s', (_, label) => {
    const analysis = read(`<table border=1>
      <tr><td>${label}</td><td>市消防救援支队</td><td>文<br>号</td><td>榕消〔2026〕88号</td></tr>
      <tr><td>标<br>题</td><td colspan=3>${TITLE}</td></tr></table>`);
    expect(analysis.fields).toMatchObject({ issuer: '市消防救援支队', docNumber: '榕消〔2026〕88号', title: TITLE });
  });

  it('does not take the last line of a split label (收文<br>编号) for the label 编号 alone', () => {
    const analysis = read(`<table border=1><tr><td>收文<br>编号</td><td><input value="SW-2026-0451"></td><td>来文<br>字号</td><td><input value="榕消〔2026〕88号"></td></tr>
      <tr><td>文件<br>标题</td><td colspan=3><input value="${TITLE}"></td></tr></table>`, '收文登记');
    expect(analysis.fields).toMatchObject({ registrationNo: 'SW-2026-0451', docNumber: '榕消〔2026〕88号' });
  });
});

describe('label ↔ value pairing in UI-kit layouts', () => {
  it('Element UI: label[for] naming an id no control carries reads the control beside it', () => {
    const item = (label: string, value: string, placeholder = '') =>
      `<div class="el-form-item"><label for="x${label.length}${value.length}" class="el-form-item__label">${label}</label><div class="el-form-item__content"><div class="el-input"><input class="el-input__inner" placeholder="${placeholder}" value="${value}"></div></div></div>`;
    const analysis = read(`<form class="el-form">${item('来文字号', '榕消〔2026〕88号')}${item('文件标题', TITLE)}${item('收文日期', '2026-12-01 09:30', '选择日期')}${item('来文单位', '市消防救援支队')}</form>`, '收文登记');
    expect(analysis.fields).toMatchObject({ docNumber: '榕消〔2026〕88号', title: TITLE, receivedDate: '2026-12-01', issuer: '市消防救援支队' });
  });

  it('layui: layui-form-label beside layui-input-block, a select shown through its chosen option', () => {
    const analysis = read(`<form class="layui-form">
      <div class="layui-form-item"><label class="layui-form-label">文件标题</label><div class="layui-input-block"><input class="layui-input" value="${TITLE}"></div></div>
      <div class="layui-form-item"><label class="layui-form-label">紧急程度</label><div class="layui-input-block"><select><option>平件</option><option selected>特急</option></select></div></div>
      <div class="layui-form-item"><label class="layui-form-label">来文文号</label><div class="layui-input-inline"><input class="layui-input" value="榕消[2026]88号"></div></div>
    </form>`);
    expect(analysis.fields).toMatchObject({ title: TITLE, urgency: 'very-urgent', docNumber: '榕消〔2026〕88号' });
  });

  it('Ant Design: the label in ant-form-item-label, the control in the next column', () => {
    const item = (label: string, value: string) =>
      `<div class="ant-row ant-form-item"><div class="ant-col ant-form-item-label"><label title="${label}">${label}</label></div><div class="ant-col ant-form-item-control"><div class="ant-form-item-control-input"><input class="ant-input" value="${value}"></div></div></div>`;
    const analysis = read(`<form class="ant-form">${item('标题', TITLE)}${item('来文单位', '市消防救援支队')}${item('文号', '榕消〔2026〕88号')}</form>`);
    expect(analysis.fields).toMatchObject({ title: TITLE, issuer: '市消防救援支队', docNumber: '榕消〔2026〕88号' });
  });

  it('el-descriptions: th label cells and td content cells, several pairs per row', () => {
    const analysis = read(`<div class="el-descriptions"><table class="el-descriptions__table is-bordered"><tbody>
      <tr><th class="el-descriptions-item__label">文号</th><td class="el-descriptions-item__content">榕消〔2026〕88号</td><th class="el-descriptions-item__label">紧急程度</th><td class="el-descriptions-item__content">加急</td></tr>
      <tr><th class="el-descriptions-item__label">标题</th><td class="el-descriptions-item__content" colspan="3">${TITLE}</td></tr>
      <tr><th class="el-descriptions-item__label">来文单位</th><td class="el-descriptions-item__content">市消防救援支队</td><th class="el-descriptions-item__label">收文日期</th><td class="el-descriptions-item__content">2026-12-01</td></tr>
    </tbody></table></div>`);
    expect(analysis.kind).toBe('detail');
    expect(analysis.fields).toMatchObject({ docNumber: '榕消〔2026〕88号', urgency: 'urgent', title: TITLE, issuer: '市消防救援支队', receivedDate: '2026-12-01' });
  });
});

describe('vocabulary by label and value shape', () => {
  const detail = (rows: [string, string][]) =>
    read(`<table border=1>${rows.map(([l, v]) => `<tr><td class="k">${l}</td><td>${v}</td></tr>`).join('')}<tr><td class="k">标题</td><td>${TITLE}</td></tr></table>`, '收文单');

  it('a 编号 holding a 文号 is the 文号; one holding SW-2026-0451 is the portal’s own number', () => {
    expect(detail([['公文编号', '榕消【2026】88号']]).fields).toMatchObject({ docNumber: '榕消〔2026〕88号' });
    expect(detail([['编号', 'SW-2026-0451']]).fields).toMatchObject({ registrationNo: 'SW-2026-0451' });
    expect(detail([['编号', 'SW-2026-0451']]).fields.docNumber).toBeUndefined();
    expect(detail([['来文号', '榕消〔2026〕88号']]).fields).toMatchObject({ docNumber: '榕消〔2026〕88号' });
  });

  it('原文字号 / 原文日期, 公文等级, 公文密级', () => {
    expect(detail([['原文字号', '榕消〔2026〕88号'], ['原文日期', '2026-11-20'], ['公文等级', '特急'], ['公文密级', '绝密']]).fields).toMatchObject({
      docNumber: '榕消〔2026〕88号',
      documentDate: '2026-11-20',
      urgency: 'very-urgent',
      classification: 'top-secret',
    });
  });

  it('labels and level words in traditional characters', () => {
    expect(detail([['來文單位', '市消防救援支隊'], ['文號', '榕消〔2026〕88號'], ['密級', '絕密'], ['緊急程度', '緊急']]).fields).toMatchObject({
      issuer: '市消防救援支隊',
      classification: 'top-secret',
      urgency: 'urgent',
    });
  });

  it('工作秘密 is internal, never a state-secret level; 一般/明文/公开/非密 are none; 私密 is no level', () => {
    const level = (value: string) => detail([['密级', value]]).fields.classification;
    expect(level('工作秘密')).toBe('internal');
    for (const none of ['一般', '明文', '公开', '非密']) expect(level(none), none).toBe('none');
    expect(level('私密')).toBeUndefined();
  });

  it('urgency words 普通 / 紧急 / 急', () => {
    const urgency = (value: string) => detail([['紧急程度', value]]).fields.urgency;
    expect(urgency('普通')).toBe('normal');
    expect(urgency('紧急')).toBe('urgent');
    expect(urgency('急')).toBe('urgent');
  });

  it('文号 forms: 公告 numbering, 〔2026〕第12号, bare 2026年第3号', () => {
    const number = (value: string) => detail([['文号', value]]).fields.docNumber;
    expect(number('财政部公告2026年第3号')).toBe('财政部公告2026年第3号');
    expect(number('榕消〔2026〕第12号')).toBe('榕消〔2026〕第12号');
    expect(number('2026年第3号')).toBe('2026年第3号');
  });

  it('dates written with ○, 〇, Ｏ or 零', () => {
    const date = (value: string) => detail([['成文日期', value]]).fields.documentDate;
    expect(date('二○二六年十一月二十日')).toBe('2026-11-20');
    expect(date('二〇二六年十一月二十日')).toBe('2026-11-20');
    expect(date('二Ｏ二六年十一月二十日')).toBe('2026-11-20');
    expect(date('二零二六年十一月二十日')).toBe('2026-11-20');
  });
});

describe('kind decisions', () => {
  it('a four-column label/value table is a document, not a list of its rows', () => {
    const analysis = read(`<h2>收文阅办单</h2><table border=1>
      <tr><td>来文单位</td><td>市消防救援支队</td><td>文号</td><td>榕消〔2026〕88号</td></tr>
      <tr><td>文种</td><td>通知</td><td>办理期限</td><td>2026-12-10</td></tr>
      <tr><td>收文日期</td><td>2026-12-01</td><td>紧急程度</td><td>加急</td></tr>
      <tr><td>标题</td><td colspan=3>${TITLE}</td></tr></table>
      <h3>流转记录</h3><table border=1><tr><th>序号</th><th>办理人</th><th>办理时间</th><th>意见</th></tr>
      <tr><td>1</td><td>张三</td><td>2026-12-01 10:00</td><td>请李主任阅示</td></tr><tr><td>2</td><td>李四</td><td>2026-12-02 09:00</td><td>已阅</td></tr></table>`);
    expect(analysis.kind).toBe('detail');
    expect(analysis.rows).toBeUndefined();
    expect(analysis.fields).toMatchObject({ issuer: '市消防救援支队', docNumber: '榕消〔2026〕88号', deadline: '2026-12-10' });
  });

  it('a 传阅单 with its signing table is a circulation page, not a list', () => {
    const analysis = read(`<h3>文件传阅单</h3><table border=1>
      <tr><td>文件标题</td><td colspan=3>${TITLE}</td></tr><tr><td>文号</td><td>榕消〔2026〕88号</td><td>份数</td><td>2</td></tr></table>
      <table border=1><tr><th>传阅人</th><th>送阅时间</th><th>退回时间</th><th>签名</th></tr>
      <tr><td>王局长</td><td>2026-12-01</td><td>2026-12-02</td><td></td></tr><tr><td>李副局长</td><td>2026-12-02</td><td></td><td></td></tr></table>`, '传阅');
    expect(analysis.kind).toBe('circulation');
    expect(analysis.fields).toMatchObject({ title: TITLE, docNumber: '榕消〔2026〕88号', copies: '2' });
  });

  it('a list with th > div headers, most columns unknown, and document-shaped cells', () => {
    const row = (n: number) =>
      `<tr><td>${n}</td><td>张三</td><td>办公室</td><td>榕消〔2026〕${n}号</td><td>关于第${n}批消防安全检查工作的通知</td><td>2026-12-0${n}</td><td>待办</td><td><a>操作</a></td></tr>`;
    const analysis = read(`<table><thead><tr><th></th><th><div>申请人</div></th><th><div>部门</div></th><th><div>公文编号</div></th><th><div>标题</div></th><th><div>来文日期</div></th><th><div>状态</div></th><th><div></div></th></tr></thead>
      <tbody>${row(1)}${row(2)}${row(3)}</tbody></table>`, '协同办公系统');
    expect(analysis.kind).toBe('list');
    expect(analysis.rows?.[1]).toEqual({ docNumber: '榕消〔2026〕2号', title: '关于第2批消防安全检查工作的通知', receivedDate: '2026-12-02' });
  });

  it('a slip with a clear kind cue and only a 文号 is that kind', () => {
    expect(read(`<h4>市应急局文件传阅单</h4><table border=1><tr><th>文<br>件<br>编<br>号</th><td><input readonly value="榕应急〔2026〕9号"></td></tr></table>`, '传阅单').kind).toBe('circulation');
  });

  it('explains the kind with each signal’s contribution', () => {
    const analysis = read(`<h4>文件传阅单</h4><table border=1><tr><td>文号</td><td>榕应急〔2026〕9号</td></tr></table>`);
    expect(analysis.evidence.signals).toEqual(expect.arrayContaining([expect.objectContaining({ signal: 'cueCirculation', value: 1, contribution: expect.any(Number) })]));
    expect(analysis.evidence.signals!.find((s) => s.signal === 'cueCirculation')!.contribution).toBeGreaterThan(0);
  });

  it('no document on an announcement list, a login page or an outgoing draft', () => {
    expect(read(`<h2>通知公告</h2><ul><li><a>关于元旦放假安排的通知</a> 2026-12-20</li><li><a>关于开展消防演练的通知</a> 2026-12-01</li></ul>`, '通知公告').kind).toBe('none');
    expect(read(`<form><label>用户名</label><input><label>密码</label><input type=password><button>登录</button></form>`, '用户登录').kind).toBe('none');
  });
});

describe('hidden content is not the page', () => {
  const LIST_ROW = (n: number) => `<tr><td>榕消〔2026〕${n}号</td><td>关于第${n}批消防安全检查工作的通知</td><td>2026-12-0${n}</td></tr>`;
  const hiddenList = (hide: string) => `<div ${hide}><table><tr><th>文号</th><th>标题</th><th>收文日期</th></tr>${LIST_ROW(1)}${LIST_ROW(2)}${LIST_ROW(3)}</table></div><div class="shown">首页</div>`;

  it.each([
    ['an inline display:none', 'style="display:none"'],
    ['the hidden attribute', 'hidden'],
    ['a class whose style sheet says display:none', 'class="tab-pane"'],
    ['visibility:hidden from a style sheet', 'class="invisible"'],
  ])('a list under %s is skipped when asked, read otherwise', (_, hide) => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>.tab-pane{display:none}.invisible{visibility:hidden}</style><title>协同办公</title></head><body>${hiddenList(hide)}</body></html>`;
    const dom = new JSDOM(html, { url: 'http://oa.example.gov.cn/' });
    expect(analyzePage(dom.window.document, 'http://oa.example.gov.cn/').kind).toBe('list');
    expect(analyzePage(dom.window.document, 'http://oa.example.gov.cn/', { ignoreHidden: true }).kind).toBe('none');
    dom.window.close();
  });

  it('a hidden registration form’s controls give no fields', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>收文登记</title></head><body><div style="display:none"><input name="wenhao" value="榕消〔2026〕1号"><input name="biaoti" value="${TITLE}"></div></body></html>`;
    const dom = new JSDOM(html, { url: 'http://oa.example.gov.cn/' });
    expect(analyzePage(dom.window.document, 'http://oa.example.gov.cn/', { ignoreHidden: true }).fields).toEqual({});
    dom.window.close();
  });
});
