import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export const PRODUCTION_BUILD = resolve('.output/chrome-mv3');

/**
 * The portal tests load the production build (no host access at install), which `npm test` does not build:
 * build it once per run (a few seconds), so the tests never see a stale one.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], { stdio: 'pipe', timeout: 120_000 });
  } catch (error) {
    const output = String((error as { stderr?: Buffer }).stderr ?? '') + String((error as { stdout?: Buffer }).stdout ?? '');
    // eslint-disable-next-line no-control-regex
    const tail = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => /error|Could not|failed/i.test(line)).slice(0, 8).join('\n');
    throw new Error(`The production build (\`wxt build\`) failed:\n${tail}`);
  }
}
