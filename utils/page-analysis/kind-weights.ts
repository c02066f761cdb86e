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
  registration: { bias: -3.48, labelledFields: 2.05, inlineFields: 0, docNumber: 1.06, title: 0.83, editable: 3.57, redHeader: -0.04, cueRegistration: 2.24, cueCirculation: -1, cueDetail: 0.24, cueList: 0.01, list: -1.04, listRows: 0.04, signingTable: -1, password: -5, negativeCue: -4, softNegativeCue: -2.5 },
  detail: { bias: -2.89, labelledFields: 2.22, inlineFields: 0.97, docNumber: 2.19, title: 1.69, editable: -2.17, redHeader: 2.3, cueRegistration: -0.01, cueCirculation: -1.09, cueDetail: 2.15, cueList: -0.02, list: -0.93, listRows: 0, signingTable: -0.09, password: -5, negativeCue: -4.02, softNegativeCue: -2.08 },
  circulation: { bias: -3.96, labelledFields: 1.32, inlineFields: 0.04, docNumber: 1.36, title: 1.2, editable: -0.1, redHeader: -0.05, cueRegistration: -0.03, cueCirculation: 4.13, cueDetail: -0.11, cueList: -0.01, list: -1.02, listRows: -0.01, signingTable: 2.13, password: -5, negativeCue: -4, softNegativeCue: -2.07 },
  list: { bias: -2.21, labelledFields: -0.21, inlineFields: 0, docNumber: -0.52, title: -0.82, editable: -0.22, redHeader: -1, cueRegistration: 0.09, cueCirculation: 0, cueDetail: 0.14, cueList: 1.29, list: 2.84, listRows: 2.56, signingTable: 0, password: -5, negativeCue: -4, softNegativeCue: -2.18 },
  none: { bias: 0, labelledFields: 0, inlineFields: 0, docNumber: 0, title: 0, editable: 0, redHeader: 0, cueRegistration: 0, cueCirculation: 0, cueDetail: 0, cueList: 0, list: 0, listRows: 0, signingTable: 0, password: 0, negativeCue: 0, softNegativeCue: 0 },
};
