import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startPortal } from '../sample-portal/server';
import { CHROMIUM } from '../tests/support/extension-browser';

export interface RegisterFigures extends ImportFigures {
  documents: number;
  events: number;
  seedMs: number;
  firstPageColdMs: number;
  firstPageMs: number;
  firstPageRawMs: number;
  overdueCount: number;
  overdueMs: number;
  overdueRawMs: number;
  textSearchMs: number;
  appendP50Ms: number;
  appendP95Ms: number;
  rawAppendP95Ms: number;
  verifyState: string;
  verifyCount: number;
  verifyProgressReports: number;
  verifyMs: number;
  verifyBaselineMs: number;
  /** Issue 16: statistics built once and kept, the 督办台账's first page, 更正. */
  statsBuildMs: number;
  statsBuildProgressReports: number;
  statsColdMs: number;
  statsMs: number;
  statsRawBucketsMs: number;
  statsAllDocumentsRawMs: number;
  statsReceived: number;
  statsKeptAfterCorrections: boolean;
  boardColdMs: number;
  boardMs: number;
  boardRawMs: number;
  boardItems: number;
  boardOverdue: number;
  /** How many 更正 were timed, each on a random document. */
  corrections: number;
  correctionP50Ms: number;
  correctionP95Ms: number;
  /** The same, with the chain head read from the log (the first write of a worker just started). */
  correctionColdP50Ms: number;
  correctionColdP95Ms: number;
  rawCorrectionP50Ms: number;
  rawCorrectionP95Ms: number;
  /** Raw read + put + add where the record put back carries a changed title (its identity keys move). */
  rawSameCorrectionP95Ms: number;
  /** The same with a changed title, committed as soon as the writes are issued (as DocTrail's 更正 commits). */
  rawCommitCorrectionP50Ms: number;
  rawCommitCorrectionP95Ms: number;
  /** Where a running worker's 更正 spends its time: each part's median over all, and over the slowest 5 %. */
  correctionParts?: {
    all: CorrectionParts;
    slowest: CorrectionParts;
    slowestCount: number;
    /** The median time outside the chained write itself (the write queue, promise hand-offs). */
    outsideP50: number;
  };
  export: ExportFigures;
}

/** A chained write's parts in milliseconds (register-db.ts `ChainedWriteParts`). */
export interface CorrectionParts {
  plan: number;
  hash: number;
  apply: number;
  commit: number;
}

export interface ImportFigures {
  importRows: number;
  importWritten: number;
  importChain: string;
  importDryRunMs: number;
  importWriteMs: number;
  importPlanMs: number;
  importHashMs: number;
  importRawWriteMs: number;
}

export type LedgerFigures = Pick<RegisterFigures, 'documents' | 'events' | 'seedMs' | Extract<keyof RegisterFigures, `stats${string}` | `board${string}` | `correction${string}` | `rawCorrection${string}` | 'corrections' | 'rawSameCorrectionP95Ms' | 'rawCommitCorrectionP50Ms' | 'rawCommitCorrectionP95Ms'>> & ImportFigures;

export interface ExportFigures {
  documents: number;
  events: number;
  csvMs: number;
  csvPeakMb: number;
  csvBytes: number;
  csvBaselineMs: number;
  csvBaselinePeakMb: number;
  jsonMs: number;
  jsonPeakMb: number;
  jsonBytes: number;
  jsonBaselineMs: number;
  jsonBaselinePeakMb: number;
  recordsInMemoryMb: number;
  readAndSerialiseMs: number;
  csvReadAndSerialiseMs: number;
}

/** The ledger import's size (#/import): BENCH_IMPORT_ROWS, 5,000 rows by default. */
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);

async function bundle(): Promise<string> {
  const result = await build({ entryPoints: [resolve('bench/register-in-page.ts')], bundle: true, format: 'iife', write: false, minify: !process.env.BENCH_CPU_PROFILE });
  return result.outputFiles[0]!.text;
}

/**
 * The register at full size in real Chromium IndexedDB (a persistent profile on disk, not an
 * in-memory incognito store), on a 127.0.0.1 page: a secure context, as the extension's pages are.
 */
export async function benchRegister(documents: number, events: number): Promise<RegisterFigures>;
/** `ledgerOnly`: the statistics, 督办台账 and 更正 figures alone (no chain verification, no export). */
export async function benchRegister(documents: number, events: number, ledgerOnly: true): Promise<LedgerFigures>;
export async function benchRegister(documents: number, events: number, ledgerOnly = false): Promise<RegisterFigures | LedgerFigures> {
  // BENCH_PROFILE=dir (development only): the profile is kept there and a later run with the same sizes reuses its seeded
  // register instead of seeding again (on a fixed port: IndexedDB belongs to the page's origin).
  const kept = process.env.BENCH_PROFILE;
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'doctrail-bench-'));
  const portal = await startPortal(kept ? 47_123 : 0);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // exact heap figures and a gc() between measurements, for the export's peak memory
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${portal.url}about.html`);
    page.on('console', (m) => process.env.BENCH_VERBOSE && console.log('page:', m.text()));
    if (process.env.BENCH_VERBOSE) await page.evaluate('globalThis.BENCH_VERBOSE = true');
    if (process.env.BENCH_CORRECTIONS) await page.evaluate(`globalThis.BENCH_CORRECTIONS = ${Number(process.env.BENCH_CORRECTIONS)}`);
    if (kept) await page.evaluate('globalThis.BENCH_REUSE = true');
    await page.addScriptTag({ content: await bundle() });
    // BENCH_IMPORT_ROWS=0 (development only): no ledger import is measured.
    const imported = (IMPORT_ROWS ? await page.evaluate(`globalThis.__doctrailRegisterBench.importMeasure(${IMPORT_ROWS})`) : {}) as ImportFigures;
    const seeded = { ...((await page.evaluate(`globalThis.__doctrailRegisterBench.seed(${documents}, ${events})`)) as { seedMs: number; documents: number; events: number }), ...imported };
    if (process.env.BENCH_CPU_PROFILE) {
      // Development only: a CPU profile of 300 更正 alone, written to BENCH_CPU_PROFILE (open it in DevTools).
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await page.evaluate('globalThis.__doctrailRegisterBench.correctionsOnly(50)');
      await cdp.send('Profiler.start');
      await page.evaluate('globalThis.__doctrailRegisterBench.correctionsOnly(300)');
      const { profile: cpu } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.BENCH_CPU_PROFILE, JSON.stringify(cpu));
    }
    if (ledgerOnly) return { ...seeded, ...((await page.evaluate('globalThis.__doctrailRegisterBench.ledger()')) as Omit<LedgerFigures, 'documents' | 'events' | 'seedMs'>) };
    const measured = (await page.evaluate('globalThis.__doctrailRegisterBench.measure()')) as Omit<RegisterFigures, 'documents' | 'events' | 'seedMs' | 'export'>;
    const exported = (await page.evaluate('globalThis.__doctrailRegisterBench.exportMeasure()')) as ExportFigures;
    return { ...seeded, ...measured, export: exported };
  } finally {
    await context.close();
    await portal.close();
    if (!kept) rmSync(profile, { recursive: true, force: true });
  }
}
