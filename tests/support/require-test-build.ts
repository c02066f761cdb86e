import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, TEST_BUILD } from './extension-browser';

/** Fails loudly instead of skipping: the browser tests need the test build and Debian's Chromium. */
export default function setup(): void {
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    throw new Error(`No test build at ${TEST_BUILD}: run \`npm run build:test\` (npm test does it for you).`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
}
