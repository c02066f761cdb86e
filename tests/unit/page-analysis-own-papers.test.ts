/**
 * Lists and forms of the office's OWN papers are not incoming documents (issue 12, precision): the 发文 register,
 * published announcements, a ledger of printed copies lent out, a meeting list — their section (title, chosen menu
 * entry) or their columns (发布人, 拟稿人, 制作人, 页数) say so, and no column holds what an incoming document has
 * (来文单位, 收文日期, 办理期限, 缓急, a 来文字号). A form whose sender is a group of checkboxes picks RECIPIENTS:
 * an outgoing draft. The incoming lists beside them (a 收文 list with a 发文单位 column, 抄送我的 with its 拟稿人
 * column) stay lists.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../tools/analyze-file';

const MENU = ['首页', '收文登记', '收文查询', '发文管理', '信息发布', '会议管理', '借用台账', '个人设置'];

function shell(title: string, active: string, body: string): string {
  const items = MENU.map((m) => `<li${m === active ? ' class="active"' : ''}><a href="#">${m}</a></li>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="header"><span class="logo">协同办公平台</span><span class="user">王敏（办公室） <a href="#">待办(3)</a> <a href="#">退出</a></span></div>
<div class="left-menu"><ul>${items}</ul></div><div class="main">${body}</div><div class="footer">技术支持：信息中心</div></body></html>`;
}

function table(headings: string[], rows: string[][]): string {
  return `<table class="grid"><thead><tr>${headings.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const read = (html: string) => analyzeHtml(html, 'http://oa.example.gov.cn/portal/list?id=3');
const ownList = (page: ReturnType<typeof read>) => page.evidence.signals?.find((s) => s.signal === 'ownList')?.value ?? 0;

describe("lists of the office's own papers are not 收文 lists", () => {
  it('the 发文 register: its own outgoing documents with 发文字号, 拟稿人 and 发布时间', () => {
    const body = table(
      ['序号', '标题', '发文字号', '拟稿人', '主办部门', '发布时间', '状态'],
      [
        ['1', '<a href="#">关于印发《2027年度安全生产工作要点》的通知</a>', '云政办发〔2027〕3号', '王敏', '办公室', '2027-01-12', '已发布'],
        ['2', '<a href="#">关于做好2027年春节期间值班工作的通知</a>', '云政办发〔2027〕2号', '李强', '办公室', '2027-01-08', '已发布'],
        ['3', '<a href="#">关于调整区政府领导工作分工的通知</a>', '云政发〔2027〕1号', '赵敏', '秘书科', '2027-01-04', '已发布'],
      ],
    );
    const page = read(shell('发文管理', '发文管理', `<h2>所有发文</h2>${body}`));
    expect(page.kind).toBe('none');
    expect(ownList(page)).toBe(1);
  });

  it('published announcements (已发布信息) whose titles read like documents', () => {
    const body = table(
      ['序号', '标题', '发布时间', '发布机构', '发布人', '操作'],
      [
        ['1', '<a href="#">关于转发市政府办公室关于做好清明节期间安全工作的通知的通知</a>', '2027-03-25 10:16', '综合部', '王敏', '查看 置顶'],
        ['2', '<a href="#">关于调整2027年度社会保险缴费基数的通知</a>', '2027-03-20 14:02', '人力资源部', '李强', '查看 置顶'],
        ['3', '<a href="#">信息部关于OA系统停机维护的公告</a>', '2027-03-12 11:08', '信息部', '赵敏', '查看 置顶'],
      ],
    );
    const page = read(shell('已发布信息', '信息发布', body));
    expect(page.kind).toBe('none');
    expect(ownList(page)).toBe(1);
  });

  it('a ledger of printed copies lent out (借用台账): print barcodes, pages, who made them', () => {
    const body = table(
      ['序号', '文件编号', '文件名', '页数', '密级', '制作人', '制作部门', '产生时间'],
      [
        ['1', 'P2027031800412', '关于2027年度科研生产计划调整的报告', '12', '秘密', '王敏', '计划处', '2027-03-18'],
        ['2', 'P2027031400387', '型号研制阶段质量问题归零报告', '30', '机密', '李强', '质量处', '2027-03-14'],
      ],
    );
    const page = read(shell('个人借用台账', '借用台账', `<h3>个人借用纸质台账列表</h3>${body}`));
    expect(page.kind).toBe('none');
    expect(ownList(page)).toBe(1);
  });

  it('a meeting list (会议管理) with 会议名称-like titles and dates', () => {
    const body = table(
      ['序号', '标题', '发布日期', '会议地点', '状态'],
      [
        ['1', '关于召开2027年第一季度安全生产工作会议的通知', '2027-03-21', '三楼会议室', '已发布'],
        ['2', '关于召开全区招商引资工作推进会的通知', '2027-03-15', '五楼会议室', '已发布'],
      ],
    );
    const page = read(shell('会议管理', '会议管理', body));
    expect(page.kind).toBe('none');
    expect(ownList(page)).toBe(1);
  });
});

describe('incoming lists beside them stay lists', () => {
  it('a 收文 list whose sender column is headed 发文单位', () => {
    const body = table(
      ['序号', '标题', '文号', '发文单位', '收文日期'],
      [
        ['1', '<a href="#">关于做好2027年春季森林防火工作的通知</a>', '云应急发〔2027〕5号', '云溪市应急管理局', '2027-03-02'],
        ['2', '<a href="#">关于开展2027年度安全生产大检查的通知</a>', '云安委〔2027〕2号', '云溪市安委会', '2027-02-26'],
      ],
    );
    const page = read(shell('收文查询', '收文查询', body));
    expect(page.kind).toBe('list');
    expect(page.rows?.[0]).toMatchObject({ docNumber: '云应急发〔2027〕5号', issuer: '云溪市应急管理局', receivedDate: '2027-03-02' });
  });

  it('抄送我的: documents copied to the clerk, listed with their 拟稿人 and 发布时间', () => {
    const body = table(
      ['序号', '公文标题', '公文字号', '拟稿人', '发布时间'],
      [
        ['1', '关于印发2027年度重点工作任务分解方案的通知', '云政办〔2027〕11号', '周洁', '2027-03-05'],
        ['2', '关于做好2027年度政务信息报送工作的通知', '云政办〔2027〕9号', '周洁', '2027-03-01'],
      ],
    );
    const page = read(shell('抄送我的', '首页', `<h2>抄送我的</h2>${body}`));
    expect(page.kind).toBe('list');
    expect(page.rows).toHaveLength(2);
    expect(ownList(page)).toBe(0);
  });
});

describe('a form whose sender is a group of checkboxes picks recipients: an outgoing draft', () => {
  const form = (unitCell: string) =>
    shell(
      '编辑信息',
      '发文管理',
      `<form><table class="edit"><tbody>
      <tr><td class="td-label">文件标题</td><td class="td-value"><textarea name="fileTitle">关于转发《关于开展2027年春季道路交通安全隐患排查整治的通知》的通知</textarea></td></tr>
      <tr><td class="td-label">发送单位</td><td class="td-value">${unitCell}</td></tr>
      <tr><td class="td-label">文号</td><td class="td-value"><input name="fileCode" value=""></td></tr>
      <tr><td class="td-label">密级</td><td class="td-value"><select name="dense"><option>--请选择--</option><option selected>非密</option><option>秘密</option></select></td></tr>
      </tbody></table></form>`,
    );

  it('ticked units (☑指挥中心 ☑秩序科 ☐宣传科) are recipients, not the issuer: no registration form', () => {
    const page = read(
      form(
        '<input type="checkbox" name="org" value="1" checked>指挥中心 <input type="checkbox" name="org" value="2" checked>秩序科 <input type="checkbox" name="org" value="3">宣传科',
      ),
    );
    expect(page.kind).toBe('none');
    expect(page.fields.issuer).toBeUndefined();
  });

  it('the same form with the sender typed in is a 收文 registration form', () => {
    const page = read(form('<input name="org" value="云溪市公安局交通警察支队">').replace('编辑信息', '收文登记'));
    expect(page.kind).toBe('registration');
    expect(page.fields.issuer).toBe('云溪市公安局交通警察支队');
  });
});

describe('a page naming itself 发文 / 公文发送 shows the office\'s own outgoing document', () => {
  const sheet = (title: string, active: string) =>
    read(
      shell(
        title,
        active,
        `<h2>${title}</h2><table class="form" border="1">
        <tr><th>文件标题</th><td colspan="3">关于做好2027年春季森林防火工作的通知</td></tr>
        <tr><th>发文字号</th><td>云政办发〔2027〕6号</td><th>发文单位</th><td>云溪县人民政府办公室</td></tr>
        <tr><th>主送</th><td>各乡镇人民政府</td><th>附件</th><td>无</td></tr></table>`,
      ),
    );

  // Half the weight of two outgoing labels: a sheet with many fields still reads as a document (a red-header document
  // received and shown in a 发文 section, b-01 / b-05 of the corpus, must).
  it('a read-only 发文 sheet (发文详情, 公文发送) with its title, 文号 and sender is no document to register', () => {
    expect(sheet('发文详情', '发文管理').kind).toBe('none');
    expect(sheet('公文发送', '发文管理').kind).toBe('none');
  });

  it('the same sheet named as a 收文 page, or in a 收发文 section, is the incoming document', () => {
    expect(sheet('收文详情', '收文查询').kind).toBe('detail');
    expect(sheet('收发文管理', '首页').kind).toBe('detail');
  });
});
