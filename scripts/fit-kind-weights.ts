/**
 * Fits the kind decision's weights on the corpus's TRAIN pages only (validation pages are not even analysed):
 * multinomial logistic regression, `none` as the reference kind (its weights stay 0), plain gradient descent.
 * The L2 term pulls each weight towards a hand-set PRIOR (what a clerk would say each signal means) rather than
 * towards 0: a signal the train pages rarely show (a 传阅单 with nothing but its heading and a 文号) keeps its
 * prior meaning, one they show often is set by them. Writes utils/page-analysis/kind-weights.ts.
 * `npx tsx scripts/fit-kind-weights.ts [--dry]`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeHtmlFile } from '../tools/analyze-file';
import { KIND_SIGNALS, KINDS, type KindSignal } from '../utils/page-analysis/kind-weights';
import { corpusPages } from '../tests/support/corpus';

const LAMBDA = 0.01;

type Prior = Partial<Record<KindSignal, number>>;
const NEGATIVE: Prior = { password: -5, negativeCue: -4, softNegativeCue: -2 };
/** An outgoing draft's labels (拟稿人, 核稿人, 印发份数): the office's own document, never an incoming one. */
const OUTGOING: Prior = { outgoing: -5 };
const PRIOR: Record<(typeof KINDS)[number], Prior> = {
  registration: { bias: -3, labelledFields: 2, docNumber: 1, title: 1, editable: 3, cueRegistration: 2, cueCirculation: -1, list: -1, signingTable: -1, ...NEGATIVE, ...OUTGOING },
  detail: { bias: -2.5, labelledFields: 2, inlineFields: 1, docNumber: 1.5, title: 1.5, editable: -1.5, redHeader: 2, cueDetail: 2, cueCirculation: -1, list: -1, ...NEGATIVE, ...OUTGOING },
  circulation: { bias: -3.5, labelledFields: 1.5, docNumber: 1.5, title: 1.5, cueCirculation: 4, signingTable: 2, records: 3, list: -1, ...NEGATIVE, ...OUTGOING },
  list: { bias: -2, docNumber: -0.5, title: -0.5, cueList: 1, list: 2, listRows: 2, redHeader: -1, ownList: -4, ...NEGATIVE },
  none: {},
};
const RATE = 0.5;
const STEPS = 8000;

const train = corpusPages().filter((p) => (p.expected.split ?? 'train') === 'train');
const data = train.map(({ file, path, expected }) => {
  const signals = analyzeHtmlFile(path, expected.url).evidence.signals ?? [];
  const x = KIND_SIGNALS.map((name) => signals.find((s) => s.signal === name)?.value ?? (name === 'bias' ? 1 : 0));
  return { file, x, y: KINDS.indexOf(expected.kind) };
});

const K = KINDS.length;
const F = KIND_SIGNALS.length;
const NONE = KINDS.indexOf('none');
const prior = KINDS.map((kind) => KIND_SIGNALS.map((signal) => PRIOR[kind][signal] ?? 0));
const w = prior.map((row) => [...row]);

function probabilities(x: number[]): number[] {
  const scores = w.map((row) => row.reduce((sum, weight, j) => sum + weight * x[j]!, 0));
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

for (let step = 0; step < STEPS; step++) {
  const grad = KINDS.map(() => KIND_SIGNALS.map(() => 0));
  for (const { x, y } of data) {
    const p = probabilities(x);
    for (let k = 0; k < K; k++) for (let j = 0; j < F; j++) grad[k]![j]! += (p[k]! - (k === y ? 1 : 0)) * x[j]!;
  }
  for (let k = 0; k < K; k++) {
    if (k === NONE) continue;
    for (let j = 0; j < F; j++) w[k]![j]! -= RATE * (grad[k]![j]! / data.length + LAMBDA * (w[k]![j]! - prior[k]![j]!));
  }
}

let right = 0;
let loss = 0;
for (const { file, x, y } of data) {
  const p = probabilities(x);
  const best = p.indexOf(Math.max(...p));
  loss -= Math.log(p[y]!);
  if (best === y) right++;
  else console.log(`train miss (before the decision's prerequisites): ${file}: ${KINDS[y]} → ${KINDS[best]}`);
}
console.log(`train pages ${data.length}: accuracy ${(right / data.length).toFixed(3)}, mean log loss ${(loss / data.length).toFixed(3)}`);

const round = (n: number) => Math.round(n * 100) / 100;
// Weights as arrays in KIND_SIGNALS order (the content script carries them: no repeated signal names); `none` is all 0.
const rows = KINDS.map((kind, k) => `  ${kind.includes('-') ? `'${kind}'` : kind}: ${kind === 'none' ? 'KIND_SIGNALS.map(() => 0)' : `[${w[k]!.map(round).join(', ')}]`},`);
const target = resolve(import.meta.dirname, '../utils/page-analysis/kind-weights.ts');
const source = readFileSync(target, 'utf8');
const next = source.replace(/export const KIND_WEIGHTS[\s\S]*?\n};\n/, `export const KIND_WEIGHTS: Record<(typeof KINDS)[number], readonly number[]> = {\n${rows.join('\n')}\n};\n`);
if (process.argv.includes('--dry')) console.log(rows.join('\n'));
else writeFileSync(target, next);
