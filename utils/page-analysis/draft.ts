import type { PageAnalysis } from './analyze-page';
import type { DocumentDraft } from '../documents/document-schema';
import { WORKING_DAYS_SUFFIX } from './field-values';

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
    classificationPeriod: fields.classificationPeriod?.slice(0, 20),
    urgency: fields.urgency as DocumentDraft['urgency'],
    copyNumber: fields.copyNumber?.slice(0, 20),
    copies: fields.copies?.slice(0, 10),
    receivedDate: fields.receivedDate,
    documentDate: fields.documentDate,
    ...deadlineOf(fields.deadline),
    portalNo: fields.registrationNo?.slice(0, 60),
  };
  return Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined)) as DocumentDraft;
}

function deadlineOf(value: string | undefined): Pick<DocumentDraft, 'deadline' | 'deadlineWorkingDays'> {
  const days = value?.endsWith(WORKING_DAYS_SUFFIX) ? Number.parseInt(value, 10) : undefined;
  return days ? { deadlineWorkingDays: days } : { deadline: value };
}
