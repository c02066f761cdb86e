/**
 * Weights of the kind decision: each kind's score is Σ weight × signal (signals are 0–1, see `kindSignals`).
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
  'password',
  'negativeCue',
  'softNegativeCue',
] as const;
export type KindSignal = (typeof KIND_SIGNALS)[number];

// prettier-ignore
export const KIND_WEIGHTS: Record<(typeof KINDS)[number], Record<KindSignal, number>> = {
  registration: { bias: -3.53, labelledFields: 2.1, inlineFields: 0, docNumber: 0.96, title: 0.88, editable: 3.59, redHeader: -0.06, cueRegistration: 1.97, cueCirculation: -1, cueDetail: 0.16, cueList: 0.02, list: -1.02, listRows: -0.02, signingTable: -1, password: -5, negativeCue: -4, softNegativeCue: -2.23 },
  detail: { bias: -3.07, labelledFields: 2.08, inlineFields: 0.98, docNumber: 1.85, title: 1.82, editable: -2.11, redHeader: 2.46, cueRegistration: 0.07, cueCirculation: -1.07, cueDetail: 2.29, cueList: -0.02, list: -1.03, listRows: -0.02, signingTable: -0.07, password: -5, negativeCue: -4.02, softNegativeCue: -2.04 },
  circulation: { bias: -4, labelledFields: 1.34, inlineFields: 0.04, docNumber: 1.29, title: 1.23, editable: -0.09, redHeader: -0.07, cueRegistration: -0.03, cueCirculation: 4.12, cueDetail: -0.16, cueList: -0.01, list: -1.01, listRows: 0, signingTable: 2.12, password: -5, negativeCue: -4, softNegativeCue: -2.02 },
  list: { bias: -2.24, labelledFields: -0.03, inlineFields: 0, docNumber: -0.57, title: -0.58, editable: -0.01, redHeader: -1, cueRegistration: 0.14, cueCirculation: 0, cueDetail: 0.08, cueList: 1.29, list: 2.96, listRows: 2.54, signingTable: 0, password: -5, negativeCue: -4, softNegativeCue: -2.03 },
  none: { bias: 0, labelledFields: 0, inlineFields: 0, docNumber: 0, title: 0, editable: 0, redHeader: 0, cueRegistration: 0, cueCirculation: 0, cueDetail: 0, cueList: 0, list: 0, listRows: 0, signingTable: 0, password: 0, negativeCue: 0, softNegativeCue: 0 },
};
