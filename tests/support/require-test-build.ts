import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_BUILD, requireChromium } from './extension-browser';

/** Fails loudly instead of skipping: the browser tests need the test build and Debian's Chromium. */
export default function setup(): void {
  requireChromium();
  if (!existsSync(join(TEST_BUILD, 'manifest.json'))) {
    console.error(`No test build at ${TEST_BUILD}: run \`npm run build:test\` (npm test does it for you).`);
    process.exit(1);
  }
}
