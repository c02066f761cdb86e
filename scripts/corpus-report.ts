/**
 * Prints how the analyzer does on the corpus, train and validation apart: `tsx scripts/corpus-report.ts [filter] [--json]`.
 * Mistakes are listed for train pages only: validation pages are measured, never looked at when tuning
 * (`--show-validation` lists theirs too, for the closing note).
 */
import { analyzeHtmlFile } from '../tools/analyze-file';
import { formatSplit, scorePage, summariseBySplit } from '../utils/page-analysis/corpus-score';
import { corpusPages } from '../tests/support/corpus';

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--')) ?? '';
const showValidation = args.includes('--show-validation');
const results = corpusPages(filter).map(({ file, path, expected }) => {
  const actual = analyzeHtmlFile(path, expected.url);
  const score = scorePage(expected, actual);
  const split = expected.split ?? 'train';
  if (score.mistakes.length && (split === 'train' || showValidation)) console.log(`✗ [${split}] ${file}\n    ${score.mistakes.slice(0, 12).join('\n    ')}`);
  return { expected, actual, score };
});
const bySplit = summariseBySplit(results);
if (args.includes('--json')) console.log(JSON.stringify(bySplit));
else {
  console.log(formatSplit('train', bySplit.train));
  console.log(formatSplit('validation', bySplit.validation));
}
