import type { PageAnalysis, PageFields, PageKind } from './analyze-page';

export type CorpusSplit = 'train' | 'validation';

export interface Expected {
  url: string;
  kind: PageKind;
  fields: PageFields;
  rows?: PageFields[];
  /** Where the page's structure comes from (a public repository and path, or DocTrail's own corpus). */
  source?: string;
  /** `train` pages may be looked at when tuning; `validation` pages never are. */
  split?: CorpusSplit;
}

interface FieldCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface PageScore extends FieldCounts {
  kindCorrect: boolean;
  /** Counts per field key (list rows included). */
  byField: Record<string, FieldCounts>;
  mistakes: string[];
}

function countsOf(score: PageScore, key: string): FieldCounts {
  return (score.byField[key] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
}

function compareFields(expected: PageFields, actual: PageFields, prefix: string, score: PageScore): void {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]) as Set<keyof PageFields>;
  for (const key of keys) {
    const want = expected[key];
    const got = actual[key];
    const counts = countsOf(score, key);
    if (want !== undefined && got === want) {
      score.truePositives++;
      counts.truePositives++;
    } else {
      if (got !== undefined) {
        score.falsePositives++;
        counts.falsePositives++;
      }
      if (want !== undefined) {
        score.falseNegatives++;
        counts.falseNegatives++;
      }
      score.mistakes.push(`${prefix}${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
}

/** Field-level precision/recall ingredients of one page; list rows count field by field too. */
export function scorePage(expected: Expected, actual: PageAnalysis): PageScore {
  const score: PageScore = { kindCorrect: expected.kind === actual.kind, truePositives: 0, falsePositives: 0, falseNegatives: 0, byField: {}, mistakes: [] };
  if (!score.kindCorrect) score.mistakes.push(`kind: expected ${expected.kind}, got ${actual.kind}`);
  compareFields(expected.fields, actual.fields, '', score);
  const wantRows = expected.rows ?? [];
  const gotRows = actual.rows ?? [];
  for (let i = 0; i < Math.max(wantRows.length, gotRows.length); i++) compareFields(wantRows[i] ?? {}, gotRows[i] ?? {}, `rows[${i}].`, score);
  return score;
}

function f1Of({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: FieldCounts): { precision: number; recall: number; f1: number } {
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export interface CorpusScore {
  pages: number;
  kindAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Pages that show no document (kind `none`) but were read as one: a prompt where there should be none. */
  negativeDetections: number;
  negatives: number;
  /** Field F1 per field key, over the pages where the field was expected or found. */
  fieldF1: Record<string, number>;
  /** Precision and recall per field key: whether a weak field reads wrong values or misses them. */
  fieldPR: Record<string, [number, number]>;
}

export interface ScoredPage {
  expected: Expected;
  actual: PageAnalysis;
  score: PageScore;
}

export function summariseScores(results: readonly ScoredPage[]): CorpusScore {
  const total: FieldCounts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  const byField: Record<string, FieldCounts> = {};
  for (const { score } of results) {
    total.truePositives += score.truePositives;
    total.falsePositives += score.falsePositives;
    total.falseNegatives += score.falseNegatives;
    for (const [key, counts] of Object.entries(score.byField)) {
      const sum = (byField[key] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
      sum.truePositives += counts.truePositives;
      sum.falsePositives += counts.falsePositives;
      sum.falseNegatives += counts.falseNegatives;
    }
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const { precision, recall, f1 } = f1Of(total);
  return {
    pages: results.length,
    kindAccuracy: round(results.filter((r) => r.score.kindCorrect).length / Math.max(1, results.length)),
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    negativeDetections: results.filter((r) => r.expected.kind === 'none' && r.actual.kind !== 'none').length,
    negatives: results.filter((r) => r.expected.kind === 'none').length,
    fieldF1: Object.fromEntries(Object.keys(byField).sort().map((key) => [key, round(f1Of(byField[key]!).f1)])),
    fieldPR: Object.fromEntries(Object.keys(byField).sort().map((key) => [key, [round(f1Of(byField[key]!).precision), round(f1Of(byField[key]!).recall)]])),
  };
}

/** The corpus score of each split (pages without a split count as train: they were written beside the engine). */
export function summariseBySplit(results: readonly ScoredPage[]): Record<CorpusSplit, CorpusScore> {
  return {
    train: summariseScores(results.filter((r) => (r.expected.split ?? 'train') === 'train')),
    validation: summariseScores(results.filter((r) => r.expected.split === 'validation')),
  };
}

/** The report's lines for one split: kind accuracy, field F1, negatives, then per-field F1 and precision/recall. */
export function formatSplit(split: CorpusSplit, s: CorpusScore): string {
  const perField = Object.entries(s.fieldF1).map(([key, f1]) => `${key} ${f1.toFixed(3)}`).join(', ');
  const perFieldPR = Object.entries(s.fieldPR).map(([key, [p, r]]) => `${key} ${p.toFixed(2)}/${r.toFixed(2)}`).join(', ');
  return [
    `${split}: ${s.pages} pages · kind accuracy ${s.kindAccuracy.toFixed(3)} · field F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)}, R ${s.recall.toFixed(3)}) · prompts on negative pages ${s.negativeDetections}/${s.negatives}`,
    `  per-field F1: ${perField || '—'}`,
    `  per-field P/R: ${perFieldPR || '—'}`,
  ].join('\n');
}
