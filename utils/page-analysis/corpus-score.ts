import type { PageAnalysis, PageFields, PageKind } from './analyze-page';

export interface Expected {
  url: string;
  kind: PageKind;
  fields: PageFields;
  rows?: PageFields[];
}

export interface PageScore {
  kindCorrect: boolean;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  mistakes: string[];
}

function compareFields(expected: PageFields, actual: PageFields, prefix: string, score: PageScore): void {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]) as Set<keyof PageFields>;
  for (const key of keys) {
    const want = expected[key];
    const got = actual[key];
    if (want !== undefined && got === want) score.truePositives++;
    else {
      if (got !== undefined) score.falsePositives++;
      if (want !== undefined) score.falseNegatives++;
      score.mistakes.push(`${prefix}${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
}

/** Field-level precision/recall ingredients of one page; list rows count field by field too. */
export function scorePage(expected: Expected, actual: PageAnalysis): PageScore {
  const score: PageScore = { kindCorrect: expected.kind === actual.kind, truePositives: 0, falsePositives: 0, falseNegatives: 0, mistakes: [] };
  if (!score.kindCorrect) score.mistakes.push(`kind: expected ${expected.kind}, got ${actual.kind}`);
  compareFields(expected.fields, actual.fields, '', score);
  const wantRows = expected.rows ?? [];
  const gotRows = actual.rows ?? [];
  for (let i = 0; i < Math.max(wantRows.length, gotRows.length); i++) compareFields(wantRows[i] ?? {}, gotRows[i] ?? {}, `rows[${i}].`, score);
  return score;
}

export interface CorpusScore {
  pages: number;
  kindAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
  negativeDetections: number;
}

export function summariseScores(results: { expected: Expected; actual: PageAnalysis; score: PageScore }[]): CorpusScore {
  const sum = (f: (s: PageScore) => number) => results.reduce((n, r) => n + f(r.score), 0);
  const tp = sum((s) => s.truePositives);
  const precision = tp / Math.max(1, tp + sum((s) => s.falsePositives));
  const recall = tp / Math.max(1, tp + sum((s) => s.falseNegatives));
  return {
    pages: results.length,
    kindAccuracy: results.filter((r) => r.score.kindCorrect).length / Math.max(1, results.length),
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    negativeDetections: results.filter((r) => r.expected.kind === 'none' && r.actual.kind !== 'none').length,
  };
}
