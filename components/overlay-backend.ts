import type { DocumentDraft, Purpose } from '@/utils/documents/document-schema';
import type { Classification } from '@/utils/documents/document-values';
import type { DocumentStateData } from '@/utils/messaging/protocol';
import type { HandlingAction } from '@/utils/register/register-store';

/** What the overlay asks of the background (the single writer). */
/** A registered document that is probably the one on the page. */
export interface NearDocument {
  docId: string;
  registrationNo: string;
  title: string;
}

export interface OverlayBackend {
  /** `'elsewhere'`: registered from another site, whose details the background does not give a portal page. */
  /** `{ near }`: probably an already registered document, the clerk is asked; `sameAs`: the clerk said it is that one. */
  lookup(draft: DocumentDraft, sameAs?: string): Promise<DocumentStateData | 'elsewhere' | { near: NearDocument } | null>;
  /** `notSameAs`: documents the clerk said this one is not. */
  register(draft: DocumentDraft, classificationConfirmed: boolean, notSameAs?: string[]): Promise<{ state: DocumentStateData; created: boolean }>;
  logHandling(docId: string, action: HandlingAction, details: { reason?: string; intercepted: boolean; detail?: string }): Promise<DocumentStateData>;
  send(docId: string, recipients: string[], purpose: Purpose, expectedReturn?: string): Promise<DocumentStateData>;
  markReturned(docId: string, recipient: string): Promise<DocumentStateData>;
  /** 此页不涉密 / 密级有误: the register takes the clerk's 密级, logged as their confirmation. */
  correctClassification(docId: string, classification: Classification): Promise<DocumentStateData>;
  /** A print DocTrail did not hold: the background asks the clerk (in the tab's top frame); nothing is written here. */
  printUnheld(docId: string): Promise<void>;
}
