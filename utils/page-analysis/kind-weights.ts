/**
 * Weights of the kind decision, in `KIND_SIGNALS` order: each kind's score is Σ weight × signal (signals are 0–1, see
 * `kindSignals`).
 * Written by `npx tsx scripts/fit-kind-weights.ts` from the corpus's train pages only (multinomial logistic
 * regression with L2); validation pages are never read by the fit.
 */
export const KINDS = ['registration', 'detail', 'circulation', 'list', 'none'] as const;
export const KIND_SIGNALS = [
  'bias',
  'labelledFields',
  'inlineFields',
  'docNumber',
  'title',
  'editable',
  'redHeader',
  'cueRegistration',
  'cueCirculation',
  'cueDetail',
  'cueList',
  'list',
  'listRows',
  'signingTable',
  'outgoing',
  'records',
  'ownList',
  'password',
  'negativeCue',
  'softNegativeCue',
] as const;
export type KindSignal = (typeof KIND_SIGNALS)[number];

// prettier-ignore
export const KIND_WEIGHTS: Record<(typeof KINDS)[number], readonly number[]> = {
  registration: [-3.45, 2.1, -0.02, 1.15, 0.84, 3.71, -0.03, 2.16, -1, 0.14, -0.08, -0.65, 0.09, -1, -5, -0.02, 0, -5, -4.01, -2.19],
  detail: [-2.83, 2.34, 1.12, 2.19, 1.7, -2.07, 2.22, -0.03, -1.08, 2.09, 0.02, -1.13, -0.04, -0.07, -5, -0.08, 0, -5, -4.08, -2.14],
  circulation: [-3.81, 1.27, 0.01, 1.24, 1.35, -0.1, -0.04, -0.03, 4.24, -0.09, -0.06, -1.04, -0.01, 2.1, -5, 3.3, 0, -5, -4.01, -2.05],
  list: [-2.23, -0.21, -0.02, -0.59, -0.84, -0.21, -1, 0.07, -0.01, 0.08, 1.12, 3.05, 2.62, 0, -0.07, -0.01, -4, -5, -4, -2.15],
  none: KIND_SIGNALS.map(() => 0),
};
