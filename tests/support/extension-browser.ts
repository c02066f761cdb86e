import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// The overlay and picker live in CLOSED shadow roots: tests reach them through the driver (trusted input only).
export { expandOverlay, overlayIn, pickerIn, proposedTitle, shadowIn, type ShadowLocator } from './overlay-driver';

export const TEST_BUILD = resolve('.output/chrome-mv3-test');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The one line printed when Chromium is missing: what to install, or how to point at another build. */
export const CHROMIUM_MISSING = `DocTrail needs Chromium at ${CHROMIUM}: run \`apt-get install chromium\` (Debian) or set CHROMIUM_PATH to a Chromium executable.`;

/** Stops the process with one line naming what to install when Chromium is missing (no stack trace). */
export function requireChromium(): void {
  if (existsSync(CHROMIUM)) return;
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Closes the browser; keeps the profile unless `removeProfile`. */
  close(removeProfile?: boolean): Promise<void>;
}

export async function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'doctrail-profile-'));
}

/** Launches Debian's Chromium with the given build loaded, on a persistent profile. */
export async function launchWithExtension(
  options: { profileDir?: string; extensionDir?: string; headless?: boolean; /** More Chromium flags (the bench's remote debugging port). */ args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? TEST_BUILD;
  const profileDir = options.profileDir ?? (await newProfileDir());
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
      // Targets Playwright does not emulate (the toolbar popup) take the browser's languages from here.
      '--accept-lang=zh-CN,zh',
      ...(options.args ?? []),
    ],
  });
  context.setDefaultTimeout(10_000);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    profileDir,
    async close(removeProfile = false) {
      await context.close();
      if (removeProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

