import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { startPortal } from '../sample-portal/server';
import { CORPUS_DIR, corpusPages } from '../tests/support/corpus';
import { generateInlineParagraphPage, generateListPage } from './generate-list-page';
import { percentile } from './stats';


/** The analyzer as one script for the page's own world, exposing `__doctrailAnalyze`. */
async function analyzerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { analyzePage } from './utils/page-analysis/analyze-page'; (globalThis as any).__doctrailAnalyze = analyzePage;",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
  });
  return result.outputFiles[0]!.text;
}

/** Median ms of `runs` analyses and of `runs` baseline passes (reading every element's text once), in the page. */
// Written as a string: tsx would add helpers (`__name`) to a function body that the page does not have.
const TIME_IN_PAGE = `(n) => {
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const baselinePass = () => {
    let chars = 0;
    for (const el of document.querySelectorAll('*')) for (const node of el.childNodes) if (node.nodeType === 3) chars += node.data.length;
    return chars;
  };
  const a = [], b = [], r = [];
  let kind = '';
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    kind = globalThis.__doctrailAnalyze(document, location.href).kind;
    a.push(performance.now() - t);
    t = performance.now();
    const rows = globalThis.__doctrailAnalyze(document, location.href).rows;
    r.push(performance.now() - t);
    t = performance.now();
    baselinePass();
    b.push(performance.now() - t);
  }
  return { analysis: median(a), withRows: median(r), baseline: median(b), kind };
}`;

/** Median ms of `runs` analyses and of `runs` baseline passes (reading every element's text once), in the page. */
async function timeInPage(page: Page, runs: number): Promise<{ analysis: number; withRows: number; baseline: number; kind: string }> {
  return page.evaluate(`(${TIME_IN_PAGE})(${runs})`);
}

export interface AnalysisFigures {
  corpusPages: number;
  analysisP50Ms: number;
  analysisP95Ms: number;
  baselineP50Ms: number;
  baselineP95Ms: number;
  list5000: { analysisMs: number; withRowsMs: number; baselineMs: number; ratio: number; kind: string };
  /** 8,000 inline `来文单位：…` paragraphs (the analyzer-freeze case), and 16,000 to show the growth is linear. */
  inline8000: { analysisMs: number; baselineMs: number; ratio: number; kind: string };
  inline16000: { analysisMs: number; baselineMs: number; ratio: number };
}

export async function benchAnalysis(page: Page): Promise<AnalysisFigures> {
  const bundle = await analyzerBundle();
  const portal = await startPortal(0, CORPUS_DIR);
  try {
    await page.route('**/*', (route) => (route.request().resourceType() === 'document' ? route.continue() : route.abort()));
    const analysis: number[] = [];
    const baseline: number[] = [];
    const files = corpusPages().map((page) => page.file);
    for (const file of files) {
      await page.goto(portal.url + file);
      await page.addScriptTag({ content: bundle });
      const t = await timeInPage(page, 15);
      analysis.push(t.analysis);
      baseline.push(t.baseline);
    }
    await page.unroute('**/*');
    await page.setContent(generateListPage(5000), { timeout: 180_000 });
    await page.addScriptTag({ content: bundle });
    const big = await timeInPage(page, 9);
    await page.setContent(generateInlineParagraphPage(8000), { timeout: 180_000 });
    await page.addScriptTag({ content: bundle });
    const inline = await timeInPage(page, 9);
    await page.setContent(generateInlineParagraphPage(16000), { timeout: 180_000 });
    await page.addScriptTag({ content: bundle });
    const inline2 = await timeInPage(page, 5);
    return {
      corpusPages: files.length,
      analysisP50Ms: percentile(analysis, 50),
      analysisP95Ms: percentile(analysis, 95),
      baselineP50Ms: percentile(baseline, 50),
      baselineP95Ms: percentile(baseline, 95),
      list5000: { analysisMs: big.analysis, withRowsMs: big.withRows, baselineMs: big.baseline, ratio: big.analysis / big.baseline, kind: big.kind },
      inline8000: { analysisMs: inline.analysis, baselineMs: inline.baseline, ratio: inline.analysis / inline.baseline, kind: inline.kind },
      inline16000: { analysisMs: inline2.analysis, baselineMs: inline2.baseline, ratio: inline2.analysis / inline2.baseline },
    };
  } finally {
    await portal.close();
  }
}

