import type { DocumentDraft, Purpose } from '@/utils/documents/document-schema';
import type { Classification } from '@/utils/documents/document-values';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import type { HandlingAction } from '@/utils/register/register-store';

/** What the overlay asks of the background (the single writer). */
export interface OverlayBackend {
  /** `'elsewhere'`: registered from another site, whose details the background does not give a portal page. */
  lookup(draft: DocumentDraft): Promise<DocumentStateData | 'elsewhere' | null>;
  register(draft: DocumentDraft, classificationConfirmed: boolean): Promise<{ state: DocumentStateData; created: boolean }>;
  logHandling(docId: string, action: HandlingAction, details: { reason?: string; intercepted: boolean; detail?: string }): Promise<DocumentStateData>;
  send(docId: string, recipients: string[], purpose: Purpose, expectedReturn?: string): Promise<DocumentStateData>;
  markReturned(docId: string, recipient: string): Promise<DocumentStateData>;
  /** 此页不涉密 / 密级有误: the register takes the clerk's 密级, logged as their confirmation. */
  correctClassification(docId: string, classification: Classification): Promise<DocumentStateData>;
}
