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
  registration: { bias: -2.6, labelledFields: 1.02, inlineFields: -0.03, docNumber: 0.64, title: 0.69, editable: 1.54, redHeader: -0.14, cueRegistration: 0.86, cueCirculation: -0.2, cueDetail: 0.07, cueList: 0.16, list: -0.17, listRows: -0.14, signingTable: -0.2, password: -0.03, negativeCue: -0.13, softNegativeCue: -0.32 },
  detail: { bias: -1.91, labelledFields: 0.48, inlineFields: -0.11, docNumber: 1.22, title: 1.31, editable: -1.15, redHeader: 0.92, cueRegistration: -0.21, cueCirculation: -0.46, cueDetail: 1.44, cueList: -0.15, list: -0.18, listRows: -0.12, signingTable: -0.46, password: -0.05, negativeCue: -0.28, softNegativeCue: -0.17 },
  circulation: { bias: -2.43, labelledFields: 0.4, inlineFields: 0.29, docNumber: 0.63, title: 0.39, editable: -0.26, redHeader: -0.13, cueRegistration: -0.14, cueCirculation: 1.3, cueDetail: -0.28, cueList: -0.08, list: -0.09, listRows: -0.06, signingTable: 1.3, password: -0.04, negativeCue: -0.14, softNegativeCue: -0.11 },
  list: { bias: -1.37, labelledFields: -0.25, inlineFields: -0.01, docNumber: -0.41, title: -0.4, editable: 0.03, redHeader: -0.06, cueRegistration: 0.24, cueCirculation: -0.06, cueDetail: 0.07, cueList: 0.88, list: 1.78, listRows: 1.22, signingTable: -0.06, password: -0.08, negativeCue: -0.23, softNegativeCue: -0.22 },
  none: { bias: 0, labelledFields: 0, inlineFields: 0, docNumber: 0, title: 0, editable: 0, redHeader: 0, cueRegistration: 0, cueCirculation: 0, cueDetail: 0, cueList: 0, list: 0, listRows: 0, signingTable: 0, password: 0, negativeCue: 0, softNegativeCue: 0 },
};
