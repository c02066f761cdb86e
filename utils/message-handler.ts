import { describeInvalid, failure, requestSchema, type Request, type Response } from './protocol';
import { findDocument, registerDocument, summarise, type RegisterDB } from './register-store';

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
      return failure('storage-failed', error instanceof Error ? error.message : String(error));
    }
  };
}

async function apply(request: Request, deps: HandlerDeps) {
  const db = await deps.db();
  switch (request.type) {
    case 'document.lookup':
      return { document: (await findDocument(db, request.lookup)) ?? null };
    case 'document.register':
      return registerDocument(db, request.draft, deps.now());
    case 'register.summary':
      return summarise(db, deps.now());
  }
}
