import type { PageAnalysis } from './page-analysis/analyze-page';
import type { DocumentDraft } from './document-schema';

/** The register entry a document page proposes, or null when the page holds no single document. */
export function draftFromAnalysis(analysis: PageAnalysis, url: string): DocumentDraft | null {
  const { kind, fields } = analysis;
  if (kind === 'none' || kind === 'list' || !fields.title) return null;
  const draft: DocumentDraft = {
    title: fields.title.slice(0, 500),
    sourceUrl: url.slice(0, 2000),
    docNumber: fields.docNumber,
    issuer: fields.issuer?.slice(0, 200),
    classification: fields.classification as DocumentDraft['classification'],
    urgency: fields.urgency as DocumentDraft['urgency'],
    receivedDate: fields.receivedDate,
    deadline: fields.deadline,
  };
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)) as DocumentDraft;
}
