/**
 * Field values decided by the kind of label and value, not by the page (issue 12, field generalisation): the
 * office's own 收文 serial in the shape of a 文号, 来文日期 beside a 收文日期, grids with an empty sizing row.
 * Each case is small markup of our own in the style of the portals' templates.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../tools/analyze-file';

const read = (body: string, title = '收文处理') =>
  analyzeHtml(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`, 'http://oa.example.gov.cn/oa/receive/view.do?id=9');

describe("the office's own 收文 serial shaped like a 文号 (代字 ending in 收)", () => {
  const sheet = (corner: string) =>
    read(`<table class="form_table">
      <tr><td class="head_title" colspan="4">云溪市交通局收文登记单</td></tr>
      <tr><td colspan="3">文件类型：上级来文</td><td class="form_label">${corner}</td></tr>
      <tr><td>来文文号：</td><td><input value="云交建〔2027〕14号"></td><td>来文单位：</td><td><input value="云溪市交通建设中心"></td></tr>
      <tr><td>标题：</td><td colspan="3"><input value="关于开展2027年度道路桥梁安全隐患排查的通知"></td></tr></table>`, '收文登记');

  it('standing alone in the sheet corner, it is the registration number; the labelled 来文文号 stays the 文号', () => {
    const page = sheet('云交收（2027）37号');
    expect(page.kind).toBe('registration');
    expect(page.fields).toMatchObject({ registrationNo: '云交收（2027）37号', docNumber: '云交建〔2027〕14号' });
  });

  it('a corner holding a sender-shaped 文号 is not taken for the registration number', () => {
    expect(sheet('云交建（2027）37号').fields.registrationNo).toBeUndefined();
  });

  it('under a 编号 label, 收〔2027〕0087 is the portal number while 云水发〔2027〕11号 is the 文号', () => {
    const page = read(`<table border="1"><tr><th>编号</th><td>收〔2027〕0087</td><th>来文字号</th><td>云水发〔2027〕11号</td></tr>
      <tr><th>标题</th><td colspan="3">关于印发《2027年农村饮水安全工作方案》的通知</td></tr></table>`);
    expect(page.fields).toMatchObject({ registrationNo: '收〔2027〕0087', docNumber: '云水发〔2027〕11号' });
  });

  it('in a list, a 编号 column of 收-serials is the registration number column', () => {
    const rows = [
      ['云交收（2027）41号', '云交建〔2027〕17号', '关于报送一季度道路挖掘许可审批情况的通知'],
      ['云交收（2027）40号', '云财建〔2027〕22号', '关于下达2027年道路养护专项资金预算的通知'],
      ['云交收（2027）37号', '云交建〔2027〕14号', '关于开展道路桥梁安全隐患排查的通知'],
    ];
    const page = read(`<table><tr><th>编号</th><th>来文文号</th><th>标题</th></tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`, '收文管理');
    expect(page.kind).toBe('list');
    expect(page.rows?.[0]).toMatchObject({ registrationNo: '云交收（2027）41号', docNumber: '云交建〔2027〕17号' });
  });
});

describe('来文日期 beside a 收文日期', () => {
  const form = (extra: string) =>
    read(`<form class="form-horizontal">
      <div class="form-group"><label>公文标题</label><div><input value="关于印发《2027年农村饮水安全巩固提升工作方案》的通知"></div></div>
      <div class="form-group"><label>来文单位</label><div><input value="云溪县水利局"></div></div>
      <div class="form-group"><label>来文日期</label><div><input value="2027-03-06"></div></div>
      <div class="form-group"><label>来文字号</label><div><input value="云水发〔2027〕11号"></div></div>${extra}</form>`, '收文登记');

  it('is the date the sender gave the document; receipt is the 收文日期', () => {
    const page = form('<div class="form-group"><label>收文日期</label><div><input value="2027-03-09"></div></div>');
    expect(page.fields).toMatchObject({ documentDate: '2027-03-06', receivedDate: '2027-03-09' });
  });

  it('alone, 来文日期 is when the document came', () => {
    const page = form('');
    expect(page.fields.receivedDate).toBe('2027-03-06');
    expect(page.fields.documentDate).toBeUndefined();
  });
});

describe('a grid whose body starts with an empty sizing row (jqGrid, ligerUI)', () => {
  it('reads the first document as the first row', () => {
    const header = '<table class="ui-jqgrid-htable"><thead><tr><th></th><th>收文编号</th><th>来文文号</th><th>标题</th><th>来文单位</th><th>登记日期</th></tr></thead></table>';
    const data = [
      ['1', '2027-0041', '云交建〔2027〕17号', '关于报送一季度道路挖掘许可审批情况的通知', '云溪市交通建设中心', '2027-03-16'],
      ['2', '2027-0040', '云财建〔2027〕22号', '关于下达2027年道路养护专项资金预算的通知', '云溪市财政局', '2027-03-13'],
    ];
    const body = `<div class="ui-jqgrid-bdiv"><table class="ui-jqgrid-btable"><tbody><tr class="jqgfirstrow">${'<td style="height:0"></td>'.repeat(6)}</tr>${data
      .map((r) => `<tr class="jqgrow">${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table></div>`;
    const page = read(`<div class="ui-jqgrid-hdiv">${header}</div>${body}`, '收文管理');
    expect(page.kind).toBe('list');
    expect(page.rows).toHaveLength(2);
    expect(page.rows?.[0]).toMatchObject({ registrationNo: '2027-0041', docNumber: '云交建〔2027〕17号', receivedDate: '2027-03-16' });
  });
});

describe('urgency shown only as a flag above the sheet', () => {
  const sheet = (flag: string) =>
    read(`<table><tr><td align="center">${flag}</td><td align="right">信息等级：一般</td></tr></table>
      <table class="tabin" border="1"><tr><td>来文编号</td><td><input readonly value="云农发[2027]8号"></td><td>来文单位</td><td><input readonly value="云溪市农业农村局"></td></tr>
      <tr><td>标题</td><td colspan="3"><input readonly value="关于做好2027年春耕备耕工作的通知"></td></tr></table>`, '公文处理单');

  it('a red 加急! standing alone is the urgency', () => {
    expect(sheet('<font color="red">加急!</font>').fields.urgency).toBe('urgent');
    expect(sheet('<span class="red">特急</span>').fields.urgency).toBe('very-urgent');
  });

  it('a labelled urgency wins over the flag, and a flag in a table cell of its own is not read', () => {
    expect(sheet('<font color="red">加急!</font>').fields.docNumber).toBe('云农发〔2027〕8号');
    expect(sheet('加急').fields.urgency).toBeUndefined();
  });
});

describe('deadlines written as a month and day, with words around them', () => {
  const slip = (deadline: string) =>
    read(`<table border="1"><tr><th>文号</th><td>云政办发〔2027〕12号</td><th>办理时限</th><td>${deadline}</td></tr>
      <tr><th>标题</th><td colspan="3">关于报送2027年一季度重点工作进展情况的通知</td></tr></table>`, '收文处理笺');

  it('take the year of the 文号', () => {
    expect(slip('3月10日前').fields.deadline).toBe('2027-03-10');
    expect(slip('请于3月10日前报送').fields.deadline).toBe('2027-03-10');
    expect(slip('三月十日前办结').fields.deadline).toBe('2027-03-10');
    expect(slip('2027年3月31日').fields.deadline).toBe('2027-03-31');
  });

  it('a day that does not exist is no deadline', () => {
    expect(slip('2月30日前').fields.deadline).toBeUndefined();
  });
});

describe('label synonyms of the weak fields', () => {
  const table = (label: string, value: string) =>
    read(`<table border="1"><tr><th>来文字号</th><td>云教发〔2027〕5号</td><th>${label}</th><td>${value}</td></tr>
      <tr><th>文件标题</th><td colspan="3">关于开展2027年春季学期安全大检查的通知</td></tr></table>`, '收文阅办单').fields;

  it.each([
    ['顺序号', '0087', 'registrationNo', '0087'],
    ['办文编号', 'BW-2027-031', 'registrationNo', 'BW-2027-031'],
    ['收文登记日期', '2027-03-09', 'receivedDate', '2027-03-09'],
    ['落款日期', '2027年3月6日', 'documentDate', '2027-03-06'],
    ['要求办结期限', '2027-03-20', 'deadline', '2027-03-20'],
  ])('%s', (label, value, field, expected) => {
    expect(table(label, value)[field as 'deadline']).toBe(expected);
  });
});

describe('来文日期 and 收文日期 as columns of a list', () => {
  const list = (columns: string[], rows: string[][]) =>
    read(`<table class="grid"><thead><tr>${columns.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`, '收文管理');
  const rows = [
    ['SW-2027-0451', '云交建〔2027〕17号', '关于报送一季度道路挖掘许可审批情况的通知', '2027-03-02', '2027-03-05'],
    ['SW-2027-0450', '云财建〔2027〕22号', '关于下达2027年道路养护专项资金预算的通知', '2027-03-01', '2027-03-04'],
    ['SW-2027-0449', '云水发〔2027〕11号', '关于印发农村饮水安全工作方案的通知', '2027-02-27', '2027-03-03'],
  ];

  it('the 来文日期 column holds the documents’ dates, the 收文日期 column when they came', () => {
    const page = list(['收文编号', '来文字号', '标题', '来文日期', '收文日期'], rows);
    expect(page.kind).toBe('list');
    expect(page.rows?.[0]).toMatchObject({ registrationNo: 'SW-2027-0451', documentDate: '2027-03-02', receivedDate: '2027-03-05' });
  });

  it('a 来文日期 column alone is when they came', () => {
    const page = list(['收文编号', '来文字号', '标题', '来文日期', '处理状态'], rows.map((r) => [...r.slice(0, 4), '待办']));
    expect(page.rows?.[1]).toMatchObject({ receivedDate: '2027-03-01' });
    expect(page.rows?.[1]?.documentDate).toBeUndefined();
  });
});

describe('an empty 收文日期 box beside a filled 来文日期', () => {
  it('leaves 来文日期 the date the document came', () => {
    const page = read(`<table border="1"><tr><th>来文字号</th><td>云水发〔2027〕11号</td><th>来文日期</th><td>2027-03-06</td></tr>
      <tr><th>标题</th><td colspan="3">关于印发《2027年农村饮水安全巩固提升工作方案》的通知</td></tr>
      <tr><th>收文日期</th><td><input class="Wdate" value=""></td><th>来文单位</th><td>云溪县水利局</td></tr></table>`, '收文登记');
    expect(page.fields.receivedDate).toBe('2027-03-06');
    expect(page.fields.documentDate).toBeUndefined();
  });
});

describe('the document itself shown under its 处理笺', () => {
  const sheet = (body: string) =>
    read(`<table border="1"><tr><td>来文单位</td><td>云溪市财政局</td><td>文号</td><td>云财建〔2027〕22号</td></tr>
      <tr><td>标题</td><td colspan="3">关于下达2027年道路养护专项资金预算的通知</td></tr>
      <tr><td>收文日期</td><td>2027-03-04</td><td>收文编号</td><td>0451</td></tr></table>
      <div class="zw">${body}</div>`, '收文处理笺');
  const redHeader = (docNumber: string, date: string) =>
    `<p align="center" style="color:red">云溪市财政局文件</p><p align="center">${docNumber}</p>
     <p align="center">关于下达2027年道路养护专项资金预算的通知</p><p>各区县交通局：</p><p>现将2027年道路养护专项资金预算下达给你们，请按规定使用。</p>
     <p align="right">云溪市财政局</p><p align="right">${date}</p>`;

  it('gives the 成文日期 under its signature, in Chinese numerals with 〇', () => {
    const page = sheet(redHeader('云财建〔2027〕22号', '二〇二七年三月一日'));
    expect(page.fields).toMatchObject({ documentDate: '2027-03-01', receivedDate: '2027-03-04', registrationNo: '0451', docNumber: '云财建〔2027〕22号' });
  });

  it('the red header of another document (a different 文号) gives nothing', () => {
    expect(sheet(redHeader('云财建〔2027〕9号', '2027年2月1日')).fields.documentDate).toBeUndefined();
  });

  it('a 文号 given as the value of a <dt> label is a field, not a red header: the dates below it are not its 成文日期', () => {
    const page = read(`<dl class="info"><dt>文号</dt><dd>云财建〔2027〕22号</dd><dt>标题</dt><dd>关于下达2027年道路养护专项资金预算的通知</dd>
      <dt>来文单位</dt><dd>云溪市财政局</dd><dt>收文日期</dt><dd>2027年3月4日</dd></dl>`, '阅文单');
    expect(page.fields.receivedDate).toBe('2027-03-04');
    expect(page.fields.documentDate).toBeUndefined();
  });
});

describe('the register serial and the sender’s 文号 under labels portals use', () => {
  const form = (rows: [string, string][]) =>
    read(`<table class="tab_form">${rows.map(([l, v]) => `<tr><td class="lbl"><span class="label_title_bold">${l}：</span></td><td><input type="text" value="${v}"></td></tr>`).join('')}
      <tr><td>文件标题：</td><td><input value="关于开展核安全文化专项评估的函"></td></tr></table>`, '收文登记').fields;

  it('行文号 / 行文日期 are the 文号 and the document’s date; 收文号 is the serial', () => {
    expect(form([['收文号', '0141'], ['行文号', '核安函〔2027〕18号'], ['行文日期', '2027-03-13'], ['收文日期', '2027-03-19']])).toMatchObject({
      registrationNo: '0141',
      docNumber: '核安函〔2027〕18号',
      documentDate: '2027-03-13',
      receivedDate: '2027-03-19',
    });
  });

  it('文件编码 holding a 文号 is the 文号; holding a code it is the serial', () => {
    expect(form([['文件编码', '陕电营销函〔2027〕40号']])).toMatchObject({ docNumber: '陕电营销函〔2027〕40号' });
    expect(form([['文件编码', 'HS-2027-0091']])).toMatchObject({ registrationNo: 'HS-2027-0091' });
  });

  it('under 编号, a bare 〔2027〕12号 (no sender’s 代字) or a 收字 serial is the portal’s count, never the 文号', () => {
    expect(form([['编号', '〔2027〕12号'], ['来文字号', '云政办发〔2027〕3号']])).toMatchObject({ registrationNo: '〔2027〕12号', docNumber: '云政办发〔2027〕3号' });
    expect(form([['收文文号', '云政收字〔2027〕12号'], ['来文字号', '云政办发〔2027〕3号']])).toMatchObject({ registrationNo: '云政收字〔2027〕12号', docNumber: '云政办发〔2027〕3号' });
  });

  it.each([
    ['形成日期', '2027.03.01', 'documentDate', '2027-03-01'],
    ['制文日期', '二〇二七年三月一日', 'documentDate', '2027-03-01'],
    ['收件编号', 'SJ-2027-017', 'registrationNo', 'SJ-2027-017'],
    ['签收编号', '2027-0451', 'registrationNo', '2027-0451'],
    ['答复期限', '2027年3月20日', 'deadline', '2027-03-20'],
    ['报送截止日期', '2027-03-25', 'deadline', '2027-03-25'],
    ['办理截至日期', '2027-03-25', 'deadline', '2027-03-25'],
    ['时限', '3月20日前', 'deadline', '2027-03-20'],
  ])('%s', (label, value, field, expected) => {
    expect(form([['来文字号', '云政办发〔2027〕3号'], [label, value]])[field as 'deadline']).toBe(expected);
  });

  it('登记时间 (when the record was made) does not turn 来文日期 into the document’s date', () => {
    expect(form([['来文日期', '2027-03-02'], ['登记时间', '2027-03-03 10:20']])).toMatchObject({ receivedDate: '2027-03-02' });
  });
});

describe('labels with more than the label in them', () => {
  it('a layui label holding a required star and a 刷新单据号 link: the value is the read-only input beside it', () => {
    const item = (label: string, input: string) =>
      `<div class="layui-form-item"><label class="layui-form-label">${label}<span class="field_required" style="color:red">*</span>${label === '单据号' ? '<span class="refresh_no_btn">刷新单据号</span>' : ''}</label><div class="layui-input-block">${input}</div></div>`;
    const page = read(`<form class="layui-form">${item('单据号', '<input readonly class="layui-input" value="SFW202703-0036">')}${item('文件编号', '<input class="layui-input" value="江水务〔2027〕21号">')}${item('文件标题', '<input class="layui-input" value="关于加强城市地下管线施工期间排水设施保护的通知">')}${item('来文日期', '<input class="layui-input" value="2027-03-09">')}</form>`, '收发文管理');
    expect(page.fields).toMatchObject({ registrationNo: 'SFW202703-0036', docNumber: '江水务〔2027〕21号', receivedDate: '2027-03-09' });
  });

  it('a note in brackets after the label (收文编号（自动生成）, 成文日期(落款)) still names the field', () => {
    const page = read(`<table border="1"><tr><th>收文编号（自动生成）</th><td>SW-2027-0451</td><th>成文日期(落款)</th><td>2027年3月1日</td></tr>
      <tr><th>来文字号</th><td>云财建〔2027〕22号</td><th>标题</th><td>关于下达2027年道路养护专项资金预算的通知</td></tr></table>`, '收文登记');
    expect(page.fields).toMatchObject({ registrationNo: 'SW-2027-0451', documentDate: '2027-03-01' });
  });

  it('a bare 单号 (the approval card’s number) gives way to the 收文编号 the sheet names', () => {
    const page = read(`<div class="row"><div class="attr-name">单号：</div><div class="attr-value">SW20270317002</div></div>
      <div class="doc-head"><span>收文编号：</span><span class="content">2027-0213</span><span>收到日期：</span><span>2027-03-17</span></div>
      <div class="row"><div class="attr-name">事由：</div><div class="attr-value">关于做好2027年度重点用能企业电力需求侧管理工作的通知</div></div>
      <div class="row"><div class="attr-name">文号：</div><div class="attr-value">江经信发〔2027〕12号</div></div>`, '收文单');
    expect(page.fields).toMatchObject({ registrationNo: '2027-0213', receivedDate: '2027-03-17' });
  });
});

describe('a list whose 办理时限 column shows an overdue badge', () => {
  it('reads the date from the badge’s tooltip (超期3天 title="2027-03-20")', () => {
    const row = (n: string, title: string, deadline: string) => `<tr><td>${n}</td><td>${title}</td><td>云水发〔2027〕${n}号</td><td>${deadline}</td></tr>`;
    const page = read(`<table><thead><tr><th>收文编号</th><th>标题</th><th>来文字号</th><th>办理时限</th></tr></thead><tbody>
      ${row('41', '关于报送一季度道路挖掘许可审批情况的通知', '2027-03-31')}${row('40', '关于下达2027年道路养护专项资金预算的通知', '<div class="overdue" title="2027-03-20">超期3天</div>')}${row('39', '关于印发农村饮水安全工作方案的通知', '2027-04-02')}</tbody></table>`, '收文管理');
    expect(page.kind).toBe('list');
    expect(page.rows?.map((r) => r.deadline)).toEqual(['2027-03-31', '2027-03-20', '2027-04-02']);
  });
});

describe('a grid showing short dates (03-05, 3/20) without the year', () => {
  it('takes the year of each row’s 文号; a decimal such as 1.5 is no date', () => {
    const row = (n: string, received: string, deadline: string) => `<tr><td>${n}</td><td>云交建〔2027〕${n}号</td><td>关于报送一季度道路挖掘许可审批情况的通知${n}</td><td>${received}</td><td>${deadline}</td></tr>`;
    const page = read(`<table><thead><tr><th>收文编号</th><th>来文字号</th><th>标题</th><th>收文日期</th><th>办理期限</th></tr></thead><tbody>
      ${row('41', '03-05', '3/20')}${row('40', '03-04 10:20', '03-31')}${row('39', '2027-03-01', '1.5')}</tbody></table>`, '收文管理');
    expect(page.rows?.map((r) => [r.receivedDate, r.deadline])).toEqual([
      ['2027-03-05', '2027-03-20'],
      ['2027-03-04', '2027-03-31'],
      ['2027-03-01', undefined],
    ]);
  });
});
