import { JSDOM } from 'jsdom';
import { analyzePage } from '/work/wt/analysis/utils/page-analysis/analyze-page';
import { generateInlineParagraphPage, generateListPage } from '/work/wt/analysis/bench/generate-list-page';
for (const [name, html] of [['inline8000', generateInlineParagraphPage(8000)], ['inline16000', generateInlineParagraphPage(16000)], ['list5000', generateListPage(5000)], ['list10000', generateListPage(10000)]] as const) {
  const dom = new JSDOM(html, { url: 'http://x/' });
  const doc = dom.window.document;
  analyzePage(doc, 'http://x/');
  const t = performance.now();
  const r = analyzePage(doc, 'http://x/');
  const ms = performance.now() - t;
  let t2 = performance.now(); let c = 0; for (const el of doc.querySelectorAll('*')) for (const n of el.childNodes) if (n.nodeType === 3) c += (n as Text).data.length; const base = performance.now() - t2;
  console.log(name, r.kind, ms.toFixed(1), 'ms; baseline', base.toFixed(1), 'ms');
}
