/** Prints how the analyzer does on every corpus page: `tsx scripts/corpus-report.ts [filter]`. */
import { analyzeHtmlFile } from '../tools/analyze-file';
import { scorePage, summariseScores } from '../utils/page-analysis/corpus-score';
import { corpusPages } from '../tests/support/corpus';

const results = corpusPages(process.argv[2] ?? '').map(({ file, path, expected }) => {
  const actual = analyzeHtmlFile(path, expected.url);
  const score = scorePage(expected, actual);
  if (score.mistakes.length) console.log(`✗ ${file}\n    ${score.mistakes.slice(0, 12).join('\n    ')}`);
  return { expected, actual, score };
});
console.log(JSON.stringify(summariseScores(results)));
