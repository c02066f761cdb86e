import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromLegacyClassification } from '../utils/documents/document-values';
import { analyzeHtmlFile } from './analyze-file';

const USAGE = [
  'usage: doctrail-analyze page.html [--url URL] [--classification-keys standard|legacy]',
  '  Prints {kind, fields, rows?, confidence, evidence} as JSON for a page saved from a portal.',
  '  密级 keys are the standard English (秘密 confidential, 机密 secret, 绝密 top-secret); `legacy` prints',
  '  DocTrail 0.1\'s swapped keys (秘密 secret, 机密 confidential) for older consumers.',
].join('\n');

type Analysis = ReturnType<typeof analyzeHtmlFile>;

/** The analysis with 秘密 and 机密 under DocTrail 0.1's swapped keys. */
function withLegacyKeys(analysis: Analysis): Analysis {
  const swap = <T extends { classification?: unknown }>(fields: T): T =>
    fields.classification === undefined ? fields : { ...fields, classification: fromLegacyClassification(fields.classification) };
  return { ...analysis, fields: swap(analysis.fields), ...(analysis.rows && { rows: analysis.rows.map(swap) }) };
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, 'classification-keys': { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file] = parsed.positionals;
  if (parsed.values.help || !file) {
    console.error(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  if (!existsSync(file)) {
    console.error(`doctrail-analyze: no such file: ${file}`);
    return 2;
  }
  const url = parsed.values.url ?? 'http://localhost/';
  try {
    new URL(url);
  } catch {
    console.error(`doctrail-analyze: not a URL: ${url}`);
    return 2;
  }
  const keys = parsed.values['classification-keys'] ?? 'standard';
  if (keys !== 'standard' && keys !== 'legacy') {
    console.error(`doctrail-analyze: --classification-keys takes standard or legacy, not ${keys}`);
    return 2;
  }
  const analysis = analyzeHtmlFile(file, url);
  console.log(JSON.stringify(keys === 'legacy' ? withLegacyKeys(analysis) : analysis, null, 2));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
