import { describe, expect, it } from 'vitest';
import type { PageAnalysis } from '@/utils/page-analysis/analyze-page';
import { formatSplit, scorePage, summariseBySplit, type Expected } from '@/utils/page-analysis/corpus-score';

const analysis = (kind: PageAnalysis['kind'], fields: PageAnalysis['fields'] = {}, rows?: PageAnalysis['fields'][]): PageAnalysis => ({
  kind,
  fields,
  rows,
  confidence: 1,
  evidence: { kind: [], fields: {} },
});

function scored(expected: Expected, actual: PageAnalysis) {
  return { expected, actual, score: scorePage(expected, actual) };
}

describe('corpus report', () => {
  const results = [
    // train: one right detail, one negative page read as a document
    scored({ url: 'u', kind: 'detail', fields: { docNumber: 'A〔2026〕1号', title: '关于某事的通知' }, split: 'train', source: 's1' }, analysis('detail', { docNumber: 'A〔2026〕1号', title: '关于某事的通知' })),
    scored({ url: 'u', kind: 'none', fields: {}, split: 'train', source: 's1' }, analysis('detail', { title: '通知公告' })),
    // validation: a list whose second row's 文号 is missed, and a negative page left alone
    scored(
      { url: 'u', kind: 'list', fields: {}, rows: [{ docNumber: 'B〔2026〕2号' }, { docNumber: 'B〔2026〕3号' }], split: 'validation', source: 's2' },
      analysis('list', {}, [{ docNumber: 'B〔2026〕2号' }, {}]),
    ),
    scored({ url: 'u', kind: 'none', fields: {}, split: 'validation', source: 's2' }, analysis('none')),
  ];
  const bySplit = summariseBySplit(results);

  it('scores train and validation apart', () => {
    expect(bySplit.train.pages).toBe(2);
    expect(bySplit.validation.pages).toBe(2);
    expect(bySplit.train.kindAccuracy).toBe(0.5);
    expect(bySplit.validation.kindAccuracy).toBe(1);
  });

  it('counts a prompt on a negative page in its own split', () => {
    expect(bySplit.train.negativeDetections).toBe(1);
    expect(bySplit.train.negatives).toBe(1);
    expect(bySplit.validation.negativeDetections).toBe(0);
  });

  it('gives field F1 overall and per field, list rows included', () => {
    // validation: docNumber TP 1, FN 1 → P 1, R 0.5, F1 0.667
    expect(bySplit.validation.fieldF1.docNumber).toBe(0.667);
    expect(bySplit.validation.f1).toBe(0.667);
    // train: docNumber and title right on the detail; a title found on the negative page is a false positive
    expect(bySplit.train.fieldF1.docNumber).toBe(1);
    expect(bySplit.train.fieldF1.title).toBe(0.667);
  });

  it('prints both splits with kind accuracy, field F1, negatives and per-field F1', () => {
    const text = `${formatSplit('train', bySplit.train)}\n${formatSplit('validation', bySplit.validation)}`;
    expect(text).toContain('train: 2 pages · kind accuracy 0.500');
    expect(text).toContain('prompts on negative pages 1/1');
    expect(text).toContain('validation: 2 pages · kind accuracy 1.000 · field F1 0.667');
    expect(text).toContain('docNumber 0.667');
  });
});
