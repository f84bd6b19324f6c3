import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, setClockOffset, tap, ui } from './support/ui';
import { solidPng } from '../support/images';

/**
 * Private photos end to end, through their first consumer: 赵志愿 reports a service done outside
 * the app with a photo (申报服务) — picked in the browser's file chooser, uploaded to the local
 * runtime with his dev-login token — then opens the record and sees the photo, served through a
 * signed link that stops working once it expires (docs/files.md).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setClockOffset(0);
  await browser.close();
});

const DAY = 24 * 3600_000;
const REPORT_PAGE = '/subpackages/volunteer/pages/report/index';

/** Opens a time picker by its box and picks an hour from the wheel (as a tap on it would). */
async function pickHour(page: Page, label: string, hour: string): Promise<void> {
  await ui(page).getByLabel(label, { exact: true }).click();
  // Every picker on the page has its sheet in the DOM; the open one is the one shown.
  const picker = page.locator('.weui-picker').filter({ visible: true });
  await picker.waitFor();
  // The sheet slides up from below the screen: tap the wheel once it has arrived.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await picker
    .locator('taro-picker-group')
    .first()
    .locator('.weui-picker__item')
    .filter({ hasText: new RegExp(`^${hour}$`) })
    // The wheel's mask lies over its items and the wheel listens for the press: tap through it.
    .click({ force: true });
  await picker.getByText('确定', { exact: true }).click();
  await picker.waitFor({ state: 'hidden' });
}

it('uploads a photo with a report and shows it through a link that expires', async () => {
  const page = await openAs(browser, '赵志愿');
  await goTo(page, REPORT_PAGE);
  await ui(page).getByText('服务照片').waitFor();

  await pickHour(page, '开始时间', '07');
  await pickHour(page, '结束时间', '08');
  await input(page, '例如：陪伴独居长者聊天').fill('陪伴独居长者聊天（照片测试）');

  // The picker opens the browser's file chooser (on a phone: after 拍摄 / 从相册选择).
  const chooser = page.waitForEvent('filechooser');
  await ui(page).getByLabel('添加照片').click();
  const sheet = page.getByText('从相册选择', { exact: true });
  if (await sheet.isVisible().catch(() => false)) await sheet.click();
  await (await chooser).setFiles({ name: 'visit.png', mimeType: 'image/png', buffer: solidPng(240, [47, 125, 79]) });
  await ui(page).locator('[data-testid="photo-tile"][data-status="done"]').waitFor();
  await screenshot(page, 'photos-1-report-with-photo');

  // Whatever hour the test runs at, 07:00–08:00 today must be over for the function: its clock
  // (not the browser's) moves a day ahead for the one call that checks it.
  await setClockOffset(DAY);
  await button(page, '提交申报').click();
  await ui(page).getByText('我的服务时长').waitFor();
  await setClockOffset(0);

  await tap(page, '陪伴独居长者聊天（照片测试）');
  const photo = ui(page).getByLabel('查看服务照片').locator('img');
  await photo.waitFor();
  const src = (await photo.getAttribute('src')) ?? '';
  expect(src.startsWith(`${appUrl()}__files/cloud%3A%2F%2Flocal%2Fuploads%2FoDemoVolunteer1%2F`)).toBe(true);
  expect(src).toMatch(/\.png\?expires=\d+&sig=[\w-]{43}$/);
  await page.waitForFunction((el) => (el as HTMLImageElement).complete, await photo.elementHandle());
  expect(await photo.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(240);
  await screenshot(page, 'photos-2-record-shows-photo');

  await ui(page).getByLabel('查看服务照片').click();
  await page.locator('taro-swiper-core img').first().waitFor();
  await screenshot(page, 'photos-3-full-screen');

  const served = await fetch(src);
  expect(served.status).toBe(200);
  expect(served.headers.get('cache-control')).toBe('private, no-store');
  // The same link, ten minutes and a second later: refused, even by the host that made it.
  await setClockOffset(601_000);
  expect((await fetch(src)).status).toBe(403);
  const forged = new URL(src);
  forged.searchParams.set('expires', String(Number(forged.searchParams.get('expires')) + DAY / 1000));
  expect((await fetch(forged)).status).toBe(403);
  await setClockOffset(0);
});
