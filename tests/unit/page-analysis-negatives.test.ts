/**
 * Pages of an OA shell that show no incoming document and must never prompt (issue 12, "negatives"): variants of our
 * own of each kind — a notice with its read receipts, a notice in a label table, an outgoing draft in the layout of
 * the 收文 pages, a search form with an empty result, a leave request with its approval table, personal settings.
 * Each sits in a shell whose sidebar names the 收文 pages (收文登记, 收文待办 …) and marks the page's own entry.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../../tools/analyze-file';

const MENU = ['首页', '收文登记', '收文待办', '收文查询', '文件传阅', '发文拟稿', '发文查询', '通知公告', '请假申请', '个人设置'];

function shell(title: string, active: string, body: string): string {
  const items = MENU.map((m) => `<li class="el-menu-item${m === active ? ' is-active' : ''}"><span class="menu-title">${m}</span></li>`).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="navbar"><span class="logo">协同办公平台</span><span class="user">当前用户：王敏（办公室） | <a href="#">退出</a></span></div>
<div class="sidebar"><ul class="el-menu">${items}</ul></div>
<div class="app-main">${body}</div><div class="footer">技术支持：信息中心</div></body></html>`;
}

const read = (html: string) => analyzeHtml(html, 'http://oa.example.gov.cn/portal/page?id=7');

describe('negative pages in an OA shell: no document, no prompt', () => {
  it('a notice with its publication line and a table of who has read it', () => {
    const body = `<div class="notice"><h1 class="notice-title">关于2027年元旦放假安排的通知</h1>
      <div class="meta"><span>发布部门：办公室</span>　<span>发布时间：2026-12-20 10:00</span>　<span>阅读次数：35</span></div>
      <div class="content"><p>各科室：</p><p>根据国务院办公厅通知精神，现将2027年元旦放假安排通知如下：1月1日放假，共1天。</p><p>办公室</p><p>2026年12月20日</p></div>
      <h3>阅读情况</h3><table border="1"><tr><th>阅读人</th><th>部门</th><th>阅读时间</th></tr>
      <tr><td>李强</td><td>财务科</td><td>2026-12-20 10:12</td></tr><tr><td>赵敏</td><td>人事科</td><td>2026-12-20 11:40</td></tr></table></div>`;
    expect(read(shell('通知公告', '通知公告', body)).kind).toBe('none');
  });

  it('a notice shown in a label/value table', () => {
    const body = `<h2 class="page-title">公告详情</h2><table class="form-table" border="1">
      <tr><th>标题</th><td colspan="3">关于开展2026年度办公用品集中采购的公告</td></tr>
      <tr><th>发布人</th><td>王敏</td><th>发布时间</th><td>2026-12-01 09:30</td></tr>
      <tr><th>内容</th><td colspan="3">请各科室于12月10日前将办公用品需求报综合科。</td></tr></table>`;
    expect(read(shell('公告详情', '通知公告', body)).kind).toBe('none');
  });

  it('an outgoing draft (发文稿纸) laid out like the 收文 sheets', () => {
    const body = `<h2 class="page-title">发文稿纸</h2><table class="form-table" border="1">
      <tr><th>文件标题</th><td colspan="3"><input class="el-input__inner" value="关于报送2026年度安全生产工作总结的报告"></td></tr>
      <tr><th>发文字号</th><td><input class="el-input__inner" value="" placeholder="签发后编号"></td><th>密级</th><td><select><option selected>非密</option><option>秘密</option></select></td></tr>
      <tr><th>紧急程度</th><td><select><option selected>平件</option><option>加急</option></select></td><th>印发份数</th><td><input value="5"></td></tr>
      <tr><th>主送</th><td colspan="3"><input value="市应急管理局"></td></tr><tr><th>拟稿人</th><td>王敏</td><th>拟稿日期</th><td>2026-12-02</td></tr></table>`;
    expect(read(shell('发文稿纸', '发文拟稿', body)).kind).toBe('none');
  });

  it('a notice in a label table with its 阅读情况 (who has read it)', () => {
    const body = `<div class="page-title">通知详情</div><table class="form-table" border="1">
      <tr><td class="lbl">标题</td><td>关于调整2027年春节值班安排的通知</td></tr><tr><td class="lbl">发布时间</td><td>2026-12-28</td></tr>
      <tr><td class="lbl">正文</td><td>各科室：春节期间值班安排调整如下……</td></tr></table>
      <h3>阅读情况</h3><table border="1"><tr><th>阅读人</th><th>阅读时间</th><th>状态</th></tr><tr><td>李强</td><td>2026-12-28 09:12</td><td>已读</td></tr><tr><td>赵敏</td><td></td><td>未读</td></tr></table>`;
    expect(read(shell('通知详情', '通知公告', body)).kind).toBe('none');
  });

  it('a notice that asks each unit to sign for it, with its 签收情况', () => {
    const body = `<h2 class="page-title">通知签收情况</h2><table class="form-table" border="1"><tr><th>标题</th><td>关于做好2027年春节期间安全生产工作的通知</td></tr><tr><th>发布时间</th><td>2026-12-28</td></tr></table>
      <table border="1"><tr><th>序号</th><th>签收单位</th><th>签收人</th><th>签收时间</th></tr><tr><td>1</td><td>财务科</td><td>李强</td><td>2026-12-28 09:12</td></tr><tr><td>2</td><td>人事科</td><td></td><td></td></tr></table>`;
    expect(read(shell('通知签收', '通知公告', body)).kind).toBe('none');
  });

  it('an outgoing document in review on a generic 公文处理单 (the drafting labels say whose document it is)', () => {
    const body = `<div class="formTitle">公文处理单</div><table class="table" border="1">
      <tr><td class="lbl">标题</td><td colspan="3">关于2026年度全区安全生产工作情况的报告</td></tr>
      <tr><td class="lbl">文号</td><td>区安委〔2026〕12号</td><td class="lbl">紧急程度</td><td>平件</td></tr>
      <tr><td class="lbl">密级</td><td>非密</td><td class="lbl">主送</td><td>市安委办</td></tr>
      <tr><td class="lbl">拟稿人</td><td>陈晓东</td><td class="lbl">拟稿单位</td><td>应急管理局</td></tr>
      <tr><td class="lbl">核稿人</td><td>林慧</td><td class="lbl">印发份数</td><td>8</td></tr></table>`;
    expect(read(shell('公文处理', '发文查询', body)).kind).toBe('none');
  });

  it('a 收文 search form with an empty result table', () => {
    const body = `<form class="search"><label>文号</label><input name="wh" value=""><label>标题</label><input name="bt" value="">
      <label>来文单位</label><input value=""><label>收文日期</label><input placeholder="选择日期" value=""><button>查询</button></form>
      <table class="grid"><thead><tr><th>序号</th><th>文号</th><th>标题</th><th>来文单位</th><th>收文日期</th><th>操作</th></tr></thead>
      <tbody><tr><td colspan="6">暂无数据</td></tr></tbody></table>`;
    expect(read(shell('收文查询', '收文查询', body)).kind).toBe('none');
  });

  it('a leave request with its approval table', () => {
    const body = `<h2 class="page-title">请假申请单</h2><table class="form-table" border="1">
      <tr><th>申请人</th><td>王敏</td><th>部门</th><td>办公室</td></tr>
      <tr><th>请假类型</th><td>年休假</td><th>天数</th><td>3</td></tr>
      <tr><th>开始时间</th><td>2026-12-14</td><th>结束时间</th><td>2026-12-16</td></tr>
      <tr><th>事由</th><td colspan="3">回老家探亲并处理家中事务</td></tr></table>
      <h3>审批记录</h3><table border="1"><tr><th>审批人</th><th>审批时间</th><th>审批意见</th><th>领导签名</th></tr>
      <tr><td>李科长</td><td>2026-12-10</td><td>同意</td><td>李强</td></tr><tr><td>张主任</td><td>2026-12-11</td><td>同意</td><td>张伟</td></tr></table>`;
    expect(read(shell('请假申请', '请假申请', body)).kind).toBe('none');
  });

  it('personal settings', () => {
    const body = `<h2 class="page-title">个人设置</h2><form><label>姓名</label><input value="王敏"><label>手机</label><input value="13800000000">
      <label>原密码</label><input type="password"><label>新密码</label><input type="password"><button>保存</button></form>`;
    expect(read(shell('个人设置', '个人设置', body)).kind).toBe('none');
  });
});
