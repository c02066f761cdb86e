/** Prints how the analyzer does on every corpus page: `tsx scripts/corpus-report.ts [filter]`. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeHtmlFile } from '../tools/analyze-file';
import { scorePage, summariseScores, type Expected } from '../utils/page-analysis/corpus-score';

const DIR = 'tests/fixtures/pages';
const filter = process.argv[2] ?? '';
const results = readdirSync(DIR)
  .filter((f) => f.endsWith('.html') && f.includes(filter) && existsSync(join(DIR, f.replace(/\.html$/, '.expected.json'))))
  .map((file) => {
    const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;
    const actual = analyzeHtmlFile(join(DIR, file), expected.url);
    const score = scorePage(expected, actual);
    if (score.mistakes.length) console.log(`✗ ${file}\n    ${score.mistakes.slice(0, 12).join('\n    ')}`);
    return { expected, actual, score };
  });
console.log(JSON.stringify(summariseScores(results)));
