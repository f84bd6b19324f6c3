import { readFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, tap, ui } from './support/ui';

/**
 * Issue 3's finishing pieces in the browser: an invitation-only activity (the list built by
 * searching residents; only those on it can book), and 签到卡 — a resident's printable code
 * card, whose QR (on the page and in the saved picture) is the code the resident's own
 * 我的签到码 shows.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** The QR in a PNG, read as a scanner would. */
function decodePng(bytes: Buffer): string {
  const png = PNG.sync.read(bytes);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found in the image');
  return code.data;
}

/** Reads the QR shown on the page: the <img> with a base64 PNG inside `scope`. */
async function decodeQrIn(scope: Locator): Promise<string> {
  const image = scope.locator('img[src^="data:image/png;base64,"]').first();
  await image.waitFor();
  const src = (await image.getAttribute('src'))!;
  return decodePng(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
}

/** Opens an activity from the 活动 tab by its title. */
async function openActivity(page: Page, title: string): Promise<void> {
  await ui(page).getByText('活动', { exact: true }).last().click({ force: true });
  await ui(page).getByText('社区活动', { exact: true }).waitFor();
  await ui(page).locator('.ll-activity-card').filter({ hasText: title }).first().click();
}

const NOT_INVITED = '该活动仅限受邀居民报名';

/**
 * Taps 报名 and says how it ended. activities.e2e moves the functions' clock to tomorrow morning
 * for a few seconds (past this activity's booking window); if the tap lands then, the page says
 * 报名已截止: wait for the clock to come back and try again.
 */
async function tryToBook(page: Page): Promise<'booked' | 'not_invited'> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const booked = ui(page).getByText('已报名').first();
    const refused = ui(page).getByText(NOT_INVITED).first();
    const closed = ui(page).getByText('报名已截止').first();
    // The page knows whether this resident is on the list: no 报名 to tap, and says why.
    const byInvitation = ui(page).getByText('本活动仅限社工邀请的居民参加，如想参加请联系社工。').first();
    await button(page, /^报名/).or(closed).or(byInvitation).first().waitFor();
    if (await byInvitation.isVisible()) return 'not_invited';
    if (!(await closed.isVisible())) {
      await button(page, /^报名/).click();
      await booked.or(refused).or(closed).first().waitFor();
      if (await booked.isVisible()) return 'booked';
      if (await refused.isVisible()) return 'not_invited';
    }
    await page.waitForTimeout(2000);
    await page.reload();
  }
  throw new Error('booking stayed closed');
}

it('an invitation-only activity: 刘先生 is invited by search and can book, 张阿姨 cannot', async () => {
  const title = `受邀活动${Date.now() % 100000}`;
  const staff = await openAs(browser, '李社工');
  await goTo(staff, '/subpackages/staff/pages/activities/index');
  await button(staff, '发布活动').click();
  await input(staff, '例如：长者智能手机课堂').fill(title);
  await input(staff, '例如：社区党群服务中心二楼活动室').fill('兴隆社区活动室');
  await tap(staff, '兴隆社区');
  await tap(staff, '仅受邀居民');
  await ui(staff).getByText('还没有邀请居民：名单以外的居民不能报名。').waitFor();

  await input(staff, '姓名或手机尾号').fill('刘先生');
  await button(staff, '查找').click();
  const found = ui(staff).locator('.ll-resident-search__row').filter({ hasText: '刘先生' }).first();
  await found.locator('taro-button-core').filter({ hasText: '添加' }).click();
  const invitee = ui(staff).locator('.ll-invitee-list__row').filter({ hasText: '刘先生' });
  await invitee.waitFor();
  expect(await invitee.textContent()).toContain('兴隆社区 · 尾号0012');
  await screenshot(staff, 'invitations-01-form-with-list');
  await ui(staff).locator('taro-button-core').filter({ hasText: '发布活动' }).last().click();
  const card = ui(staff).locator('.ll-activity-card').filter({ hasText: title }).first();
  await card.waitFor();

  // The edit form loads the list back from activity.invitees.
  await card.locator('taro-button-core').filter({ hasText: '编辑' }).click();
  await ui(staff).locator('.ll-invitee-list__row').filter({ hasText: '刘先生' }).waitFor();
  expect(await ui(staff).locator('.ll-invitee-list__row').count()).toBe(1);
  await screenshot(staff, 'invitations-02-edit-loads-list');

  const zhang = await openAs(browser, '张阿姨');
  await openActivity(zhang, title);
  expect(await tryToBook(zhang)).toBe('not_invited');
  await screenshot(zhang, 'invitations-03-not-invited');

  const liu = await openAs(browser, '刘先生');
  await openActivity(liu, title);
  expect(await tryToBook(liu)).toBe('booked');
  await screenshot(liu, 'invitations-04-invited-booked');

  for (const page of [staff, zhang, liu]) await page.context().close();
});

it('a social worker opens 张阿姨’s 签到卡: its QR, printed or saved, is her personal code', async () => {
  const zhang = await openAs(browser, '张阿姨');
  await goTo(zhang, '/pages/my-code/index');
  const shown = (await ui(zhang).locator('.my-code-page__code').textContent())!.trim();
  expect(shown).toMatch(/^LC[0-9A-Za-z]{10}$/);
  expect(await decodeQrIn(ui(zhang))).toBe(shown);

  const staff = await openAs(browser, '李社工');
  await goTo(staff, '/subpackages/staff/pages/workbench/index');
  await tap(staff, '签到卡');
  await input(staff, '姓名或手机尾号').fill('张阿姨');
  await button(staff, '查找').click();
  const found = ui(staff).locator('.ll-resident-search__row').filter({ hasText: '张阿姨' }).first();
  await found.locator('taro-button-core').filter({ hasText: '签到卡' }).click();

  const card = ui(staff).locator('.ll-code-card');
  await card.getByText('张阿姨').waitFor();
  for (const text of ['邻里·签到卡', '光复社区', '请出示此卡由工作人员扫码签到']) await card.getByText(text).waitFor();
  expect(await decodeQrIn(card)).toBe(shown);
  await screenshot(staff, 'cards-01-card-page');

  // 保存图片: the card drawn on a canvas, downloaded as a PNG a scanner still reads.
  const [download] = await Promise.all([staff.waitForEvent('download'), button(staff, '保存图片').click()]);
  expect(download.suggestedFilename()).toBe('签到卡-张阿姨.png');
  const picture = await readFile((await download.path())!);
  const png = PNG.sync.read(picture);
  expect([png.width, png.height]).toEqual([856, 540]);
  expect(decodePng(picture)).toBe(shown);

  // 打印: the browser's print, with a stylesheet that leaves only the card, on one sheet.
  await staff.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes');
  });
  await button(staff, '打印').click();
  expect(await staff.getAttribute('body', 'data-printed')).toBe('yes');
  await staff.emulateMedia({ media: 'print' });
  // Everything but the card is hidden now, the page itself included: look in the whole document.
  const printedCard = staff.locator('.ll-code-card');
  expect(await printedCard.isVisible()).toBe(true);
  expect(await staff.locator('taro-button-core').filter({ hasText: '打印' }).isVisible()).toBe(false);
  expect(await staff.getByText('张阿姨的签到卡').isVisible()).toBe(false);
  const box = (await printedCard.boundingBox())!;
  expect(box.width / box.height).toBeCloseTo(85.6 / 54, 1);
  await screenshot(staff, 'cards-02-print-view');
  const pdf = await staff.pdf({ format: 'A4' });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await staff.emulateMedia({ media: 'screen' });

  for (const page of [staff, zhang]) await page.context().close();
});
