/** The closed vocabularies of a document, free of zod so the content script can use them without it. */

export const CLASSIFICATIONS = ['none', 'internal', 'secret', 'confidential', 'top-secret'] as const;
export const URGENCIES = ['normal', 'urgent', 'very-urgent', 'flash'] as const;
export const DOCUMENT_STATUSES = ['registered', 'in-circulation', 'returned', 'completed', 'archived', 'cleared', 'destroyed'] as const;
export const EVENT_TYPES = [
  'registered',
  'classification-confirmed',
  'printed',
  'copied',
  'downloaded',
  'sent',
  'returned',
  'completed',
  'archived',
  'cleared',
  'destroyed',
  'exported',
  'imported',
] as const;

/** The `docId` of events about the whole register (an export, an import) rather than one document. */
export const REGISTER_SCOPE = '@register';
export const PURPOSES = ['read', 'handle'] as const;

export type Classification = (typeof CLASSIFICATIONS)[number];
export type Urgency = (typeof URGENCIES)[number];

export const CLASSIFIED = ['secret', 'confidential', 'top-secret'] as const satisfies readonly Classification[];

export function isClassified(level: Classification | undefined): boolean {
  return (CLASSIFIED as readonly string[]).includes(level ?? '');
}

export function isClassification(value: string): value is Classification {
  return (CLASSIFICATIONS as readonly string[]).includes(value);
}

export function isUrgency(value: string): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value);
}
