import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ExtendsResult, KeptHead, VerifyResult } from '@/utils/register/hash-chain';
import type { DashboardTranslate } from '@/utils/i18n/dashboard';
import type { PrintTranslate } from '@/utils/i18n/print';
import type { LedgerTranslate } from '@/utils/i18n/ledger';
import type { StatsTranslate } from '@/utils/i18n/stats';
import type { ExportStart } from '@/utils/messaging/backup-protocol';
import type { ExportedFile } from '@/utils/messaging/export-client';
import type { Request, RequestType, ResponseData } from '@/utils/messaging/protocol';

/** One request to the background, answered with its data or thrown as an error (see utils/background-client.ts). */
export type Ask = <T extends RequestType>(request: Extract<Request, { type: T }>) => Promise<ResponseData<T>>;

/** Verifies the whole event chain in the background, reporting progress as it goes. */
export type VerifyChain = (onProgress: (checked: number, total: number) => void) => Promise<VerifyResult>;

/** Checks in the background whether today's log still extends heads the clerk kept outside. */
export type CheckKeptHeads = (heads: readonly KeptHead[], onProgress: (checked: number, total: number) => void) => Promise<ExtendsResult>;

/** How the dashboard reaches files: exports come from the background in chunks, backups go to it as a blob: URL. */
export interface FileAccess {
  exportFile: (start: ExportStart, onProgress: (done: number, total: number) => void) => Promise<ExportedFile>;
  save: (blob: Blob, fileName: string) => void;
  /** A URL the background can read the chosen file from; released with `release`. */
  urlOf: (file: Blob) => string;
  release: (url: string) => void;
}

export interface DashboardEnv {
  ask: Ask;
  t: DashboardTranslate;
  /** The printed forms' strings. */
  pt: PrintTranslate;
  /** The whole-ledger pages' strings (更正, 撤销, #/new, 督办, import, statistics). */
  lt: LedgerTranslate;
  /** The statistics page's strings. */
  st: StatsTranslate;
  now: () => Date;
  files: FileAccess;
  /** The log changed in bulk (a restore): the chain is verified again. */
  chainChanged: () => void;
  navigate: (hash: string) => void;
}

export const EnvContext = createContext<DashboardEnv | null>(null);

export function useEnv(): DashboardEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('dashboard components need <EnvContext.Provider>');
  return env;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
