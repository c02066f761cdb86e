import { describe, expect, it } from 'vitest';
import { scorePage, summariseBySplit, summariseScores } from '@/utils/page-analysis/corpus-score';
import { corpusPages } from '../support/corpus';
import { analyzeHtmlFile } from '../../tools/analyze-file';

const pages = corpusPages();

describe('page analysis over the fixture corpus', () => {
  const results = pages.map(({ file, path, expected }) => {
    const actual = analyzeHtmlFile(path, expected.url);
    return { file, expected, actual, score: scorePage(expected, actual) };
  });
  // The bar is held on train pages; validation pages are measured (scripts/corpus-report.ts) and never tuned on.
  const summary = summariseScores(results.filter((r) => (r.expected.split ?? 'train') === 'train'));

  it('has the corpus the quality bar is measured on: 40+ document pages, 12+ negative pages', () => {
    expect(pages.filter((p) => p.expected.kind !== 'none').length).toBeGreaterThanOrEqual(40);
    expect(pages.filter((p) => p.expected.kind === 'none').length).toBeGreaterThanOrEqual(12);
    for (const kind of ['registration', 'detail', 'circulation', 'list'] as const) {
      expect(pages.filter((p) => p.expected.kind === kind).length, kind).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives every page a source and a split, and no source feeds both splits', () => {
    const splitOf = new Map<string, string>();
    for (const { file, expected } of pages) {
      expect(expected.source, file).toEqual(expect.stringMatching(/\S/));
      expect(['train', 'validation'], file).toContain(expected.split);
      const seen = splitOf.get(expected.source!);
      if (!expected.source!.startsWith('doctrail:')) expect(seen ?? expected.split, `${file}: ${expected.source} in both splits`).toBe(expected.split);
      splitOf.set(expected.source!, expected.split!);
    }
    expect(summariseBySplit(results).train.pages).toBeGreaterThan(0);
  });

  it('recognises the kind of at least 95% of pages and never sees a document on a negative page', () => {
    const wrong = results.filter((r) => !r.score.kindCorrect).map((r) => `${r.file}: ${r.expected.kind} → ${r.actual.kind}`);
    expect(summary.negativeDetections, wrong.join('\n')).toBe(0);
    expect(summary.kindAccuracy, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('extracts fields with F1 of at least 0.95', () => {
    const mistakes = results.flatMap((r) => r.score.mistakes.map((m) => `${r.file} ${m}`));
    expect(summary.f1, mistakes.slice(0, 30).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('explains every field it found with the label or cue it came from', () => {
    for (const r of results) {
      for (const field of Object.keys(r.actual.fields)) {
        expect(r.actual.evidence.fields[field as keyof typeof r.actual.fields], `${r.file} ${field}`).toMatchObject({
          strategy: expect.any(String),
          label: expect.any(String),
        });
      }
    }
  });
});
