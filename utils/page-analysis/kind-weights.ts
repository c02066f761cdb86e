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
  'password',
  'negativeCue',
  'softNegativeCue',
] as const;
export type KindSignal = (typeof KIND_SIGNALS)[number];

// prettier-ignore
export const KIND_WEIGHTS: Record<(typeof KINDS)[number], Record<KindSignal, number>> = {
  registration: { bias: -3.39, labelledFields: 2.09, inlineFields: -0.01, docNumber: 0.96, title: 0.92, editable: 3.57, redHeader: -0.04, cueRegistration: 2.2, cueCirculation: -1, cueDetail: 0.18, cueList: -0.09, list: -0.94, listRows: 0.06, signingTable: -1, outgoing: -5, password: -5, negativeCue: -4, softNegativeCue: -2.23 },
  detail: { bias: -2.85, labelledFields: 2.23, inlineFields: 0.96, docNumber: 2.13, title: 1.71, editable: -2.03, redHeader: 2.27, cueRegistration: -0.02, cueCirculation: -1.08, cueDetail: 2.11, cueList: 0.04, list: -0.99, listRows: -0.01, signingTable: -0.08, outgoing: -5, password: -5, negativeCue: -4.02, softNegativeCue: -2.14 },
  circulation: { bias: -3.93, labelledFields: 1.35, inlineFields: 0.02, docNumber: 1.37, title: 1.27, editable: -0.06, redHeader: -0.05, cueRegistration: -0.03, cueCirculation: 4.1, cueDetail: -0.12, cueList: -0.07, list: -1.06, listRows: -0.02, signingTable: 2.14, outgoing: -5, password: -5, negativeCue: -4, softNegativeCue: -2.04 },
  list: { bias: -2.23, labelledFields: -0.2, inlineFields: -0.02, docNumber: -0.53, title: -0.81, editable: -0.21, redHeader: -1, cueRegistration: 0.06, cueCirculation: 0.16, cueDetail: 0.1, cueList: 1.05, list: 3.03, listRows: 2.61, signingTable: 0, outgoing: -0.08, password: -5, negativeCue: -4, softNegativeCue: -2.18 },
  none: { bias: 0, labelledFields: 0, inlineFields: 0, docNumber: 0, title: 0, editable: 0, redHeader: 0, cueRegistration: 0, cueCirculation: 0, cueDetail: 0, cueList: 0, list: 0, listRows: 0, signingTable: 0, outgoing: 0, password: 0, negativeCue: 0, softNegativeCue: 0 },
};
