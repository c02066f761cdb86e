/** Renders assets/icon.svg to public/icon/{16,32,48,128}.png with Chromium (run after editing the SVG). */
import { mkdir, readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../tests/support/extension-browser';

const svg = await readFile('assets/icon.svg', 'utf8');
await mkdir('public/icon', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>*{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to public/icon/');
