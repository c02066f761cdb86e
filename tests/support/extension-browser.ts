import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Locator, type Page } from 'playwright-core';

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
  options: { profileDir?: string; extensionDir?: string; headless?: boolean } = {},
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

/** The overlay host element in a page or frame. */
export function overlayIn(scope: Page | Frame): Locator {
  return scope.locator('doctrail-overlay');
}

export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  return page;
}

/** Opens the overlay if it started as a pill (every corner of the page held controls), as the clerk would. */
export async function expandOverlay(scope: Page | Frame): Promise<Locator> {
  const overlay = overlayIn(scope);
  await overlay.locator('.dt-panel, .dt-pill').first().waitFor();
  if (await overlay.locator('.dt-pill').count()) await overlay.locator('.dt-pill').click();
  await overlay.locator('.dt-panel').waitFor();
  return overlay;
}

/** The title the overlay proposes to register (the first field of its form). */
export function proposedTitle(overlay: Locator): Promise<string> {
  return overlay.locator('.dt-form input').first().inputValue();
}
