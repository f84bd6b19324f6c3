import { statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureH5Build, H5_DIR } from '../scripts/h5-build';
import type { BenchResult } from './run';
import { login, startBenchRuntime } from './runtime-client';

/** Runs per variant: enough for a stable median on a shared 2-core machine, and quick. */
const RUNS = 7;
/** What a resident's phone is like: a mid-range screen, and (for "slow") a 4G-like link. */
const VIEWPORT = { width: 390, height: 844 };
const BUDGET_MS = 2000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

/** Logs in once through the dev login screen, as a person does, and keeps the signed-in storage. */
async function signedInState(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#app').getByText('选择体验身份').first().waitFor();
  await page.locator('taro-button-core').filter({ hasText: '以张阿姨的身份进入' }).first().click();
  await page.getByText(/您好/).first().waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Time from navigating to `url` until the first element matching `selector` is on screen. */
async function timeUntilVisible(page: Page, url: string, selector: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 30_000 });
  const elapsed = performance.now() - started;
  await page.close();
  return elapsed;
}

/**
 * Time from navigation to the activity list showing its first card: the first screen a
 * resident waits for. "cold" is a new browser profile (nothing cached: every script and style
 * downloaded, parsed and run); "warm" a second visit with the HTTP cache filled.
 */
async function timeToList(context: BrowserContext, url: string): Promise<number> {
  return timeUntilVisible(await context.newPage(), `${url}#/pages/activities/index`, '.ll-activity-card');
}

/**
 * The baseline: the least work that can show the same list — a hand-written page (no framework,
 * no bundle) served from the runtime's own origin, which calls the same `activity.list` and
 * writes the titles as plain <div>s. The ratio to it is what the app's framework, bundle and
 * components cost on top of the one request.
 */
function floorPage(token: string): string {
  return `<!doctype html><meta charset="utf-8"><div id="list"></div><script>
fetch('/api/activity', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ${token}' },
  body: JSON.stringify({ action: 'list', input: {} }) })
  .then((r) => r.json())
  .then((res) => { document.getElementById('list').innerHTML = res.data.items
    .map((a) => '<div class="floor-card">' + a.title.replace(/</g, '&lt;') + '</div>').join(''); });
</script>`;
}

async function timeToFloorList(context: BrowserContext, url: string, token: string): Promise<number> {
  const page = await context.newPage();
  const floorUrl = new URL('/__bench-floor.html', url).toString();
  await page.route(floorUrl, (route) => route.fulfill({ contentType: 'text/html', body: floorPage(token) }));
  return timeUntilVisible(page, floorUrl, '.floor-card');
}

function bytesOf(dir: string, ext: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += bytesOf(full, ext);
    else if (entry.name.endsWith(ext)) total += statSync(full).size;
  }
  return total;
}

export async function benchH5FirstScreen(): Promise<BenchResult> {
  ensureH5Build();
  const runtime = await startBenchRuntime();
  const browser = await launch();
  try {
    const state = await signedInState(browser, runtime.url);
    const token = await login(runtime.url, 'oDemoResident01');
    const cold: number[] = [];
    const warm: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', storageState: state });
      cold.push(await timeToList(context, runtime.url));
      warm.push(await timeToList(context, runtime.url));
      await context.close();
      const bare = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
      floor.push(await timeToFloorList(bare, runtime.url, token));
      await bare.close();
    }
    const vsFloor = (xs: number[]) => Number((median(xs) / median(floor)).toFixed(1));
    const kb = (n: number) => Math.round(n / 1024);
    return {
      name: 'First screen on H5 (activity list visible, headless Chromium, demo data)',
      rows: [
        {
          case: 'cold (new profile)',
          p50Ms: Math.round(median(cold)),
          maxMs: Math.round(max(cold)),
          budgetMs: BUDGET_MS,
          xBaseline: vsFloor(cold),
        },
        {
          case: 'warm (cached)',
          p50Ms: Math.round(median(warm)),
          maxMs: Math.round(max(warm)),
          budgetMs: BUDGET_MS,
          xBaseline: vsFloor(warm),
        },
        {
          case: 'baseline: bare page, one fetch, no framework',
          p50Ms: Math.round(median(floor)),
          maxMs: Math.round(max(floor)),
          budgetMs: 0,
          xBaseline: 1,
        },
      ],
      notes: [
        `${RUNS} runs each, local runtime on this machine (no network latency): the time is the app's own work.`,
        `H5 bundle: ${kb(bytesOf(H5_DIR, '.js'))} KB of JavaScript, ${kb(bytesOf(H5_DIR, '.css'))} KB of CSS (uncompressed).`,
      ],
    };
  } finally {
    await browser.close();
    await runtime.stop();
  }
}
