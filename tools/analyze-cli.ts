import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyzeHtmlFile } from './analyze-file';

const USAGE = 'usage: doctrail-analyze page.html [--url URL]\n  Prints {kind, fields, rows?, confidence, evidence} as JSON for a page saved from a portal.';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
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
  console.log(JSON.stringify(analyzeHtmlFile(file, url), null, 2));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
