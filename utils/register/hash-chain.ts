/**
 * The tamper-evident log: every event carries the SHA-256 of its canonical content plus the
 * previous event's hash, so changing, removing, inserting or reordering any event breaks a link
 * that `verifyChain` finds.
 */

import { sha256 } from '@noble/hashes/sha2.js';
import type { AuditReport } from './log-audit';

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

function hexOf(digest: Uint8Array): string {
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

/** SHA-256 of the text's UTF-8 bytes, as lower-case hex (WebCrypto). */
export async function sha256Hex(text: string): Promise<string> {
  return hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

/** The same SHA-256 computed synchronously, so an IndexedDB transaction stays active around it (see `writeChained`). */
function sha256HexSync(text: string): string {
  return hexOf(sha256(encoder.encode(text)));
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

/** `hashEvent` without leaving the current task: the same hash, for writes that hash inside their transaction. */
export function hashEventSync(event: ChainContent, prevHash: string): string {
  return sha256HexSync(chainInput(event, prevHash));
}

/** `chainEvents` without leaving the current task (the write path: the events are hashed inside their transaction). */
export function chainEventsSync<E extends ChainContent>(head: ChainHead, events: readonly E[]): (E & Chained)[] {
  const out: (E & Chained)[] = [];
  let prevHash = head.hash;
  for (const event of events) {
    const hash = hashEventSync(event, prevHash);
    out.push({ ...event, prevHash, hash });
    prevHash = hash;
  }
  return out;
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
  | {
      state: 'intact';
      count: number;
      head: ChainHead;
      /** When the head event was written (absent for an empty log). */ headTime?: number;
      /** The register replayed from the log and compared with the document records, and the times checked (log-audit.ts). */
      audit?: AuditReport;
    }
  | { state: 'broken'; count: number; firstBreak: ChainBreak };

export type StoredEvent = ChainContent & Partial<Chained>;

/**
 * Walks the log in sequence order, a batch at a time, so a million events never sit in memory at
 * once. Hashes inside a batch are computed concurrently; the links are then checked in order.
 */
export async function verifyChain(
  batches: AsyncIterable<readonly StoredEvent[]>,
  options: {
    onProgress?: (checked: number) => void;
    /** The sequence the log says it has reached: a cut-off tail shows here. */ lastSequence?: number;
    /** Called with every event whose link held, in order. */ onVerified?: (event: StoredEvent & Chained) => void;
  } = {},
): Promise<VerifyResult> {
  let head: ChainHead = EMPTY_HEAD;
  let headTime: number | undefined;
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
      headTime = event.timestamp;
      options.onVerified?.(event as StoredEvent & Chained);
      count++;
    }
    options.onProgress?.(count);
  }
  if (options.lastSequence !== undefined && options.lastSequence > head.sequence) {
    const sequence = head.sequence + 1;
    return { state: 'broken', count, firstBreak: { kind: 'missing-events', sequence, expected: String(options.lastSequence), found: String(head.sequence) } };
  }
  return headTime === undefined ? { state: 'intact', count, head } : { state: 'intact', count, head, headTime };
}

/** How many hex digits of the hash the short form shows: 64 bits, too many to forge a matching prefix. */
export const SHORT_HASH_LENGTH = 16;
/** The fewest hex digits a typed head may give (the brief printed form of older prints). */
export const MIN_KEPT_HASH = 8;

/** A head the clerk kept outside the machine: a sequence and its hash, or the first digits of it. */
export interface KeptHead {
  sequence: number;
  /** Lower-case hex: the full hash or a prefix of at least MIN_KEPT_HASH digits. */
  hash: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The printed form of a head: `#1234 · 2026-11-30 09:00 · 3f9a1c2b4d5e6f70…` (local time). */
export function formatHead(head: ChainHead, timestamp?: number): string {
  const parts = [`#${head.sequence}`];
  if (timestamp !== undefined) {
    const d = new Date(timestamp);
    parts.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`);
  }
  parts.push(`${head.hash.slice(0, SHORT_HASH_LENGTH)}…`);
  return parts.join(' · ');
}

/** What the QR code on a printed register holds: ASCII only, the full hash, readable by `parseKeptHeads`. */
export function headQrText(head: ChainHead, timestamp?: number): string {
  const parts = ['DocTrail head', `#${head.sequence}`];
  if (timestamp !== undefined) {
    const d = new Date(timestamp);
    parts.push(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`);
  }
  parts.push(head.hash);
  return parts.join(' ');
}

/**
 * Reads the heads in what a clerk typed or pasted: one per line in the printed short form
 * (`#1234 · 2026-11-30 09:00 · 3f9a1c2b…`), `1234 <hash>`, or a backup header's
 * `"head":{"sequence":1234,"hash":"…"}`. Lines that hold no head are returned as rejected.
 */
export function parseKeptHeads(text: string): { heads: KeptHead[]; rejected: string[] } {
  const heads: KeptHead[] = [];
  const rejected: string[] = [];
  const json = /"sequence"\s*:\s*(\d+)\s*,\s*"hash"\s*:\s*"([0-9a-fA-F]{64})"|"hash"\s*:\s*"([0-9a-fA-F]{64})"\s*,\s*"sequence"\s*:\s*(\d+)/g;
  let rest = text;
  for (const match of text.matchAll(json)) {
    heads.push({ sequence: Number(match[1] ?? match[4]), hash: (match[2] ?? match[3])!.toLowerCase() });
    rest = rest.replace(match[0], '\u0000');
  }
  for (const raw of rest.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.includes('\u0000')) continue; // a line that held a backup header's head
    // A row of a CSV export pasted whole: only the written head line (`… #1234 · time · hash…`) counts, never a row's numbers.
    if (/[,\t]/.test(line) && !/#\s*\d+\s*·/.test(line)) {
      rejected.push(line);
      continue;
    }
    const bySharp = /#\s*(\d+)/.exec(line);
    const byStart = bySharp ? null : /^(\d+)(?![\d-])/.exec(line);
    const sequence = (bySharp ?? byStart)?.[1];
    const afterSequence = bySharp ?? byStart ? line.slice(0, (bySharp ?? byStart)!.index) + ' ' + line.slice((bySharp ?? byStart)!.index + (bySharp ?? byStart)![0].length) : line;
    const hashes = [...afterSequence.matchAll(/(?<![0-9a-fA-F-])[0-9a-fA-F]{8,64}(?![0-9a-fA-F-])/g)].map((m) => m[0]);
    const hash = hashes.at(-1);
    if (sequence === undefined || hash === undefined || Number(sequence) < 1 || hash.length < MIN_KEPT_HASH) rejected.push(line);
    else heads.push({ sequence: Number(sequence), hash: hash.toLowerCase() });
  }
  return { heads, rejected };
}

export type ExtendsResult =
  /** Every kept head is an event of today's log, and the log from the first event to today's head holds. */
  | { state: 'extends'; kept: KeptHead[]; head: ChainHead; count: number }
  /**
   * The event at `sequence` carries a different hash than the kept head: the log was rewritten at or
   * before that record, and after `sinceSequence` (the newest kept head it still matches, 0 if none).
   */
  | { state: 'diverged'; kept: KeptHead; sequence: number; sinceSequence: number; found: { hash: string; docId: string; type: string; timestamp: number } }
  /** Today's log ends before the kept head: records were removed since it was kept. */
  | { state: 'shorter'; kept: KeptHead; sinceSequence: number; head: ChainHead }
  /** Today's log does not even verify on its own. */
  | { state: 'broken'; chain: Extract<VerifyResult, { state: 'broken' }> };

/**
 * Whether today's log still extends heads kept outside the machine. A rewrite that drops or edits
 * events and re-hashes everything after verifies intact on its own; it cannot keep the hash the
 * event at a kept sequence had, so it shows here.
 */
export async function verifyExtends(
  batches: AsyncIterable<readonly StoredEvent[]>,
  kept: readonly KeptHead[],
  options: { onProgress?: (checked: number) => void; lastSequence?: number } = {},
): Promise<ExtendsResult> {
  const wanted = new Set(kept.map((k) => k.sequence));
  const seen = new Map<number, StoredEvent & Chained>();
  const chain = await verifyChain(batches, { ...options, onVerified: (event) => wanted.has(event.sequence) && seen.set(event.sequence, event) });
  if (chain.state === 'broken') return { state: 'broken', chain };
  const ordered = [...kept].sort((a, b) => a.sequence - b.sequence);
  let sinceSequence = 0;
  for (const head of ordered) {
    const event = seen.get(head.sequence);
    if (!event) return { state: 'shorter', kept: head, sinceSequence, head: chain.head };
    if (!event.hash.startsWith(head.hash)) {
      return { state: 'diverged', kept: head, sequence: head.sequence, sinceSequence, found: { hash: event.hash, docId: event.docId, type: event.type, timestamp: event.timestamp } };
    }
    sinceSequence = head.sequence;
  }
  return { state: 'extends', kept: ordered, head: chain.head, count: chain.count };
}
