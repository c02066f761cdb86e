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
  'outgoing',
  'records',
  'password',
  'negativeCue',
  'softNegativeCue',
] as const;
export type KindSignal = (typeof KIND_SIGNALS)[number];

// prettier-ignore
export const KIND_WEIGHTS: Record<(typeof KINDS)[number], Record<KindSignal, number>> = {
  registration: { bias: -3.45, labelledFields: 2.1, inlineFields: -0.02, docNumber: 1.15, title: 0.84, editable: 3.71, redHeader: -0.03, cueRegistration: 2.16, cueCirculation: -1, cueDetail: 0.14, cueList: -0.08, list: -0.65, listRows: 0.09, signingTable: -1, outgoing: -5, records: -0.02, password: -5, negativeCue: -4.01, softNegativeCue: -2.19 },
  detail: { bias: -2.83, labelledFields: 2.34, inlineFields: 1.12, docNumber: 2.19, title: 1.7, editable: -2.07, redHeader: 2.22, cueRegistration: -0.03, cueCirculation: -1.08, cueDetail: 2.09, cueList: 0.02, list: -1.13, listRows: -0.04, signingTable: -0.07, outgoing: -5, records: -0.08, password: -5, negativeCue: -4.08, softNegativeCue: -2.14 },
  circulation: { bias: -3.81, labelledFields: 1.27, inlineFields: 0.01, docNumber: 1.24, title: 1.35, editable: -0.1, redHeader: -0.04, cueRegistration: -0.03, cueCirculation: 4.24, cueDetail: -0.09, cueList: -0.06, list: -1.04, listRows: -0.01, signingTable: 2.1, outgoing: -5, records: 3.3, password: -5, negativeCue: -4.01, softNegativeCue: -2.05 },
  list: { bias: -2.23, labelledFields: -0.21, inlineFields: -0.02, docNumber: -0.59, title: -0.84, editable: -0.21, redHeader: -1, cueRegistration: 0.07, cueCirculation: -0.01, cueDetail: 0.08, cueList: 1.12, list: 3.05, listRows: 2.62, signingTable: 0, outgoing: -0.07, records: -0.01, password: -5, negativeCue: -4, softNegativeCue: -2.15 },
  none: { bias: 0, labelledFields: 0, inlineFields: 0, docNumber: 0, title: 0, editable: 0, redHeader: 0, cueRegistration: 0, cueCirculation: 0, cueDetail: 0, cueList: 0, list: 0, listRows: 0, signingTable: 0, outgoing: 0, records: 0, password: 0, negativeCue: 0, softNegativeCue: 0 },
};
