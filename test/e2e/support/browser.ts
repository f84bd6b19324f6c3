import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../artifacts/screens');

/** The runtime global-setup.js started for this run. */
export const appUrl = (): string => {
  const url = process.env.LINLI_E2E_URL;
  if (!url) throw new Error('LINLI_E2E_URL is not set: run through jest (global setup starts the runtime)');
  return url;
};

/**
 * Debian's Chromium (Playwright cannot download browsers here). As root it needs --no-sandbox;
 * background networking is off because this machine's closed network refuses it noisily.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Contexts not closed yet: what a failed journey left on screen (see setup.ts). */
export const openContexts = new Set<BrowserContext>();

/** A phone-sized context, as residents see the app; each test gets its own (own storage). */
export async function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Fail a missing element in seconds, with the locator named, not at the test's timeout.
  context.setDefaultTimeout(10_000);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return context;
}

/** Saves a screenshot under artifacts/screens so a person can review every screen visited. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // Taro's H5 slides pages in; a picture mid-slide shows half a screen.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 2000,
    })
    .catch(() => undefined);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
