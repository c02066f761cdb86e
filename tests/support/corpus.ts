import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Expected } from '../../utils/page-analysis/corpus-score';

export const CORPUS_DIR = resolve(import.meta.dirname, '../fixtures/pages');

export interface CorpusPage {
  file: string;
  path: string;
  expected: Expected;
}

/** Every saved page of the corpus with its expected analysis (FORMAT.md); every page must have one. */
export function corpusPages(filter = ''): CorpusPage[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.html') && file.includes(filter))
    .map((file) => ({
      file,
      path: join(CORPUS_DIR, file),
      expected: JSON.parse(readFileSync(join(CORPUS_DIR, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected,
    }));
}
