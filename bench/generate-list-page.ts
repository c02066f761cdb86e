/** A 待办 list page of `rows` documents, marked up like the sample portal's list. */
export function generateListPage(rows: number): string {
  const units = ['市财政局', '市教育局', '市卫生健康委员会', '市应急管理局', '市民政局', '市自然资源和规划局'];
  const levels = ['平件', '加急', '特急'];
  const body: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    body.push(
      `<tr><td><input type="checkbox" value="${i}"></td><td>${i}</td>` +
        `<td class="t"><a href="doc.html?id=${i}">关于做好2026年第${i}批重点工作任务落实情况报送的通知</a></td>` +
        `<td>市政办发〔2026〕${i}号</td><td>${units[i % units.length]}</td><td><span class="tag">${levels[i % 3]}</span></td>` +
        `<td>2026-${month}-${day}</td><td>2026-${month}-${day}</td><td>待办理</td><td><a href="#">办理</a></td></tr>`,
    );
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>待办事项 - 协同办公平台</title></head><body>
<div class="banner">XX市人民政府办公室 协同办公平台</div>
<div class="nav"><a href="#">首页</a><a href="#">待办事项</a><a href="#">待阅事项</a><a href="#">收文管理</a></div>
<h2>待办事项</h2>
<table class="list-table"><thead><tr><th><input type="checkbox"></th><th>序号</th><th>文件标题</th><th>来文字号</th><th>来文单位</th><th>紧急程度</th><th>收文日期</th><th>办理期限</th><th>状态</th><th>操作</th></tr></thead>
<tbody>${body.join('\n')}</tbody></table>
<div class="pager">共 ${rows} 条</div></body></html>`;
}

/**
 * The shape of ../shared/cases/security/analyzer-freeze.html: a small 收文处理笺 table, then `paragraphs` short
 * paragraphs of inline `来文单位：…` in one container (8,000 stalled the tab for 10 s when a step was quadratic).
 */
export function generateInlineParagraphPage(paragraphs: number): string {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) body.push(`<p>来文单位：演示厅${i}</p>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告</title></head><body>
<h2>收文处理笺</h2>
<table border="1"><tbody>
<tr><td>来文字号</td><td>演示发〔2026〕1号</td></tr><tr><td>文件标题</td><td>关于演示工作的通知</td></tr><tr><td>密级</td><td>非密</td></tr>
</tbody></table>
<div id="list">${body.join('')}</div></body></html>`;
}
