import type { DocumentDraft } from './document-schema';

/** The elements a 收文 registration must have (标题, 文号, 来文单位, 密级, 收文日期). */
export const MANDATORY_FIELDS = ['title', 'docNumber', 'issuer', 'classification', 'receivedDate'] as const;
export type MandatoryField = (typeof MANDATORY_FIELDS)[number];

export function missingMandatory(draft: Partial<DocumentDraft>): MandatoryField[] {
  return MANDATORY_FIELDS.filter((field) => !draft[field]?.toString().trim());
}
