import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startPortal, type Portal } from '../../sample-portal/server';
import { launchWithExtension, newProfileDir, type ExtensionBrowser } from './extension-browser';

export interface PortalSession {
  portal: Portal;
  browser: ExtensionBrowser;
  profileDir: string;
  /** A new tab on a sample-portal page. */
  open(path: string): Promise<Page>;
  /** Closes the browser and starts it again on the same profile, as after a restart. */
  relaunch(): Promise<void>;
}

/** The sample portal and Chromium with the test build, for the tests of one file (set up before, torn down after). */
export function usePortalSession(root?: string): PortalSession {
  const session = {} as PortalSession;
  beforeAll(async () => {
    session.portal = await startPortal(0, root);
    session.profileDir = await newProfileDir();
    session.browser = await launchWithExtension({ profileDir: session.profileDir });
  });
  afterAll(async () => {
    await session.browser?.close(true);
    await session.portal?.close();
  });
  session.open = async (path) => {
    const page = await session.browser.context.newPage();
    await page.goto(session.portal.url + path);
    return page;
  };
  session.relaunch = async () => {
    await session.browser.close();
    session.browser = await launchWithExtension({ profileDir: session.profileDir });
  };
  return session;
}
