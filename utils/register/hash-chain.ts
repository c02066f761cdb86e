/**
 * The tamper-evident log: every event carries the SHA-256 of its canonical content plus the
 * previous event's hash, so changing, removing, inserting or reordering any event breaks a link
 * that `verifyChain` finds.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainContent {
  sequence: number;
  timestamp: number;
  docId: string;
  type: string;
  details: Record<string, unknown>;
}

export interface Chained {
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  sequence: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { sequence: 0, hash: GENESIS_HASH };

/** JSON with object keys sorted at every level and `undefined` members dropped: one text per content. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

function contentOf(event: ChainContent): ChainContent {
  const { sequence, timestamp, docId, type, details } = event;
  return { sequence, timestamp, docId, type, details };
}

/** The exact text hashed for an event: the previous hash, a newline, the event's canonical content. */
export function chainInput(event: ChainContent, prevHash: string): string {
  return `${prevHash}\n${canonicalJson(contentOf(event))}`;
}

/** The hash an event must carry, given the hash of the event before it. */
export function hashEvent(event: ChainContent, prevHash: string): Promise<string> {
  return sha256Hex(chainInput(event, prevHash));
}

/** Links new events (already numbered after `head`) onto the chain. */
export async function chainEvents<E extends ChainContent>(head: ChainHead, events: readonly E[]): Promise<(E & Chained)[]> {
  const out: (E & Chained)[] = [];
  let prevHash = head.hash;
  for (const event of events) {
    const hash = await hashEvent(event, prevHash);
    out.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

export type BreakKind = 'content-changed' | 'link-broken' | 'missing-events' | 'unsealed';

export interface ChainBreak {
  kind: BreakKind;
  /** The first event whose link does not hold. */
  sequence: number;
  docId?: string;
  type?: string;
  /** What the chain expected here and what it found (hashes, or sequence numbers for `missing-events`). */
  expected: string;
  found: string;
}

export type VerifyResult =
  | { state: 'intact'; count: number; head: ChainHead }
  | { state: 'broken'; count: number; firstBreak: ChainBreak };

export type StoredEvent = ChainContent & Partial<Chained>;

/**
 * Walks the log in sequence order, a batch at a time, so a million events never sit in memory at
 * once. Hashes inside a batch are computed concurrently; the links are then checked in order.
 */
export async function verifyChain(
  batches: AsyncIterable<readonly StoredEvent[]>,
  options: { onProgress?: (checked: number) => void; /** The sequence the log says it has reached: a cut-off tail shows here. */ lastSequence?: number } = {},
): Promise<VerifyResult> {
  let head: ChainHead = EMPTY_HEAD;
  let count = 0;
  for await (const batch of batches) {
    const recomputed = await Promise.all(batch.map((event) => (event.prevHash ? hashEvent(event, event.prevHash) : undefined)));
    for (let i = 0; i < batch.length; i++) {
      const event = batch[i]!;
      const broken = (kind: BreakKind, expected: string, found: string): VerifyResult => ({
        state: 'broken',
        count,
        firstBreak: { kind, sequence: event.sequence, docId: event.docId, type: event.type, expected, found },
      });
      if (!event.hash || !event.prevHash) return broken('unsealed', 'a hash', 'none');
      if (event.sequence !== head.sequence + 1) return broken('missing-events', String(head.sequence + 1), String(event.sequence));
      if (event.prevHash !== head.hash) return broken('link-broken', head.hash, event.prevHash);
      if (recomputed[i] !== event.hash) return broken('content-changed', recomputed[i]!, event.hash);
      head = { sequence: event.sequence, hash: event.hash };
      count++;
    }
    options.onProgress?.(count);
  }
  if (options.lastSequence !== undefined && options.lastSequence > head.sequence) {
    const sequence = head.sequence + 1;
    return { state: 'broken', count, firstBreak: { kind: 'missing-events', sequence, expected: String(options.lastSequence), found: String(head.sequence) } };
  }
  return { state: 'intact', count, head };
}
