import { describeInvalid, failure, requestSchema, type Request, type Response } from './protocol';
import {
  confirmClassification,
  DocumentNotFound,
  documentState,
  eventsOf,
  findDocument,
  logHandling,
  registerDocument,
  returnDocument,
  sendDocument,
  summarise,
  type RegisterDB,
} from './register-store';

export interface HandlerDeps {
  db: () => Promise<RegisterDB>;
  now: () => Date;
  /** The extension's own id: only its own pages and content scripts may write. */
  extensionId: string;
}

export interface MessageSender {
  id?: string;
}

/** Validates one raw message and applies it; every outcome is a `Response`, never a throw. */
export function createMessageHandler(deps: HandlerDeps) {
  return async function handle(raw: unknown, sender: MessageSender): Promise<Response> {
    if (sender.id !== deps.extensionId) return failure('forbidden-sender', 'messages are accepted only from DocTrail itself');
    const parsed = requestSchema.safeParse(raw);
    if (!parsed.success) return failure('invalid-message', describeInvalid(parsed.error));
    try {
      return { ok: true, data: await apply(parsed.data, deps) } as Response;
    } catch (error) {
      if (error instanceof DocumentNotFound) return failure('not-found', error.message);
      return failure('storage-failed', error instanceof Error ? error.message : String(error));
    }
  };
}

async function apply(request: Request, deps: HandlerDeps) {
  const db = await deps.db();
  const now = deps.now();
  switch (request.type) {
    case 'document.lookup': {
      const document = await findDocument(db, request.lookup);
      return { state: document ? await documentState(db, document) : null };
    }
    case 'document.register': {
      const { document, created } = await registerDocument(db, request.draft, now, undefined, {
        classificationConfirmed: request.classificationConfirmed,
      });
      return { state: await documentState(db, document), created };
    }
    case 'document.logHandling':
      return logHandling(db, request.docId, request.action, { reason: request.reason, intercepted: request.intercepted, detail: request.detail }, now);
    case 'document.confirmClassification':
      return confirmClassification(db, request.docId, request.classification, now);
    case 'circulation.send':
      return sendDocument(db, request.docId, request, now);
    case 'circulation.return':
      return returnDocument(db, request.docId, request.recipient, now);
    case 'document.history': {
      const document = await db.get('documents', request.docId);
      if (!document) throw new DocumentNotFound(request.docId);
      return { document, events: await eventsOf(db, request.docId) };
    }
    case 'register.summary':
      return summarise(db, now);
  }
}
