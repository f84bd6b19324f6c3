import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, setClockOffset, tap, ui } from './support/ui';

/**
 * The journey: a social worker publishes an activity, a resident books it, the social
 * worker shows the rotating QR, the test decodes the QR image from the page and opens it as the
 * resident → signed in → the roster shows them.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await setClockOffset(0);
  await browser.close();
});

/** Tomorrow 09:35 in Asia/Shanghai, as an offset from now: inside the default 09:30–11:00 slot. */
function offsetToTomorrowMorning(): number {
  const shanghaiNow = new Date(Date.now() + 8 * 3600_000);
  const target =
    Date.UTC(shanghaiNow.getUTCFullYear(), shanghaiNow.getUTCMonth(), shanghaiNow.getUTCDate() + 1, 9, 35) -
    8 * 3600_000;
  return target - Date.now();
}

/** Reads the QR code shown on the page: the <img> with a base64 PNG. */
async function decodeQr(page: Page): Promise<string> {
  const image = ui(page).locator('img[src^="data:image/png;base64,"]').first();
  await image.waitFor();
  const src = (await image.getAttribute('src'))!;
  const png = PNG.sync.read(Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!code) throw new Error('no QR code found in the image');
  return code.data;
}

it('publish → book → show the QR → scan it → signed in → on the roster', async () => {
  const title = `端到端测试活动${Date.now() % 100000}`;
  const staff = await openAs(browser, '李社工');
  await goTo(staff, '/subpackages/staff/pages/activities/index');
  await button(staff, '发布活动').click();
  await input(staff, '例如：长者智能手机课堂').fill(title);
  await input(staff, '例如：社区党群服务中心二楼活动室').fill('光复社区活动室');
  await tap(staff, '光复社区');
  await screenshot(staff, 'activities-01-publish-form');
  await ui(staff).locator('taro-button-core').filter({ hasText: '发布活动' }).last().click();
  await ui(staff).getByText(title).first().waitFor();
  await screenshot(staff, 'activities-02-manage-list');

  const resident = await openAs(browser, '张阿姨');
  await ui(resident).getByText('活动', { exact: true }).last().click({ force: true });
  await ui(resident).getByText('社区活动', { exact: true }).waitFor();
  await ui(resident).locator('.ll-activity-card').filter({ hasText: title }).first().click();
  await button(resident, /^报名/).waitFor();
  await screenshot(resident, 'activities-03-detail');
  await button(resident, /^报名/).click();
  await ui(resident).getByText('已报名').first().waitFor();
  await screenshot(resident, 'activities-04-booked');

  await setClockOffset(offsetToTomorrowMorning());
  try {
    await staff.reload();
    const card = ui(staff).locator('.ll-activity-card').filter({ hasText: title }).first();
    await card.locator('taro-button-core').filter({ hasText: '签到' }).first().click();
    const link = await decodeQr(staff);
    expect(link).toMatch(/#\/pages\/checkin\/index\?scene=[0-9A-Za-z]+/);
    await screenshot(staff, 'activities-05-signin-qr');

    await resident.goto(link);
    await ui(resident)
      .getByText(/签到成功/)
      .first()
      .waitFor();
    await screenshot(resident, 'activities-06-signed-in');

    await button(staff, /名单/).click();
    await ui(staff).getByText('张阿姨').first().waitFor();
    await screenshot(staff, 'activities-07-roster');
  } finally {
    await setClockOffset(0);
  }
  await staff.context().close();
  await resident.context().close();
});

/** Demo activities (local/demo/seed.ts): one held a week ago, one running since the seed. */
const PAST_ACTIVITY = '防诈骗宣讲';
const RUNNING_ACTIVITY = '太极晨练';

/** 活动管理 → the activity's card → one of its buttons (签到, 名单), as a social worker gets there. */
async function openFromManage(page: Page, title: string, action: '签到' | '名单'): Promise<void> {
  await goTo(page, '/subpackages/staff/pages/activities/index');
  const card = ui(page).locator('.ll-activity-card').filter({ hasText: title }).first();
  await card.locator('taro-button-core').filter({ hasText: action }).first().click();
}

/** A roster entry on the visible page, by the person's name. */
const rosterEntryOf = (page: Page, name: string) =>
  ui(page).locator('.ll-roster-list__entry').filter({ hasText: name }).first();

it('a social worker copies a paper sign-in list of a past activity in, and the roster shows it', async () => {
  const staff = await openAs(browser, '李社工');
  await openFromManage(staff, PAST_ACTIVITY, '名单');
  await button(staff, '补录纸质签到').click();
  await ui(staff).getByText('查找居民', { exact: true }).waitFor();

  await input(staff, '姓名或手机尾号').fill('赵志愿');
  await button(staff, '查找').click();
  await ui(staff).locator('.ll-person-search__row').filter({ hasText: '赵志愿' }).locator('taro-button-core').click();
  await ui(staff).locator('.ll-paper-list__row').filter({ hasText: '赵志愿' }).waitFor();

  await tap(staff, '登记新居民');
  await input(staff, '居民姓名').fill('孙大爷');
  await tap(staff, '光复社区');
  await ui(staff).locator('.ll-walk-in-form taro-button-core').filter({ hasText: '加入名单' }).click();
  await ui(staff).locator('.ll-paper-list__row').filter({ hasText: '孙大爷' }).waitFor();
  await input(staff, '补录原因').fill('现场网络故障，按纸质签到表补录');
  await screenshot(staff, 'activities-08-paper-entry');
  await button(staff, '补录 2 人').click();
  await ui(staff).getByText('已补录 2 人').waitFor();
  await screenshot(staff, 'activities-09-paper-recorded');

  await button(staff, '回到签到名单').click();
  for (const name of ['赵志愿', '孙大爷']) {
    await rosterEntryOf(staff, name)
      .getByText(/纸质签到补录/)
      .waitFor();
  }
  await expect(rosterEntryOf(staff, '孙大爷').textContent()).resolves.toContain('现场登记');
  await screenshot(staff, 'activities-10-roster-with-paper');
  await staff.context().close();
});

it('a volunteer made door helper signs a resident in by her personal code and sees only a masked name', async () => {
  const staff = await openAs(browser, '李社工');
  await openFromManage(staff, RUNNING_ACTIVITY, '签到');
  await ui(staff).locator('.ll-door-helpers__row').filter({ hasText: '赵志愿' }).locator('taro-button-core').click();
  await ui(staff)
    .locator('.ll-door-helpers__row')
    .filter({ hasText: '赵志愿' })
    .filter({ hasText: '取消授权' })
    .waitFor();
  await screenshot(staff, 'activities-11-door-helper-granted');

  const resident = await openAs(browser, '张阿姨');
  await goTo(resident, '/pages/my-code/index');
  const code = (await ui(resident).locator('.my-code-page__code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^LC/);

  const volunteer = await openAs(browser, '赵志愿');
  await ui(volunteer).getByText('我的', { exact: true }).last().click({ force: true });
  await tap(volunteer, '协助扫码');
  await input(volunteer, '输入签到码，例如 LC…').fill(code);
  await ui(volunteer).locator('.ll-input-action taro-button-core').filter({ hasText: '签到' }).click();
  const result = ui(volunteer).locator('.door-page__result');
  await result.waitFor();
  expect((await result.textContent())?.trim()).toMatch(/^张\*\* 签到成功 \d\d:\d\d$/);
  // The helper sees the outcome only: no full name, no roster.
  await expect(ui(volunteer).getByText('张阿姨').count()).resolves.toBe(0);
  await expect(ui(volunteer).locator('.ll-roster-list, .ll-roster-counts').count()).resolves.toBe(0);
  await screenshot(volunteer, 'activities-12-door-helper-scan');

  await button(staff, /名单/).click();
  await rosterEntryOf(staff, '张阿姨')
    .getByText(/工作人员扫码/)
    .waitFor();
  for (const page of [staff, resident, volunteer]) await page.context().close();
});

it('the sign-in sheet downloads as an xlsx file', async () => {
  const staff = await openAs(browser, '李社工');
  await openFromManage(staff, PAST_ACTIVITY, '名单');
  const [download] = await Promise.all([staff.waitForEvent('download'), button(staff, '导出签到表').click()]);

  expect(download.suggestedFilename()).toMatch(/^签到表-防诈骗宣讲-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const text = Object.entries(files)
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
  for (const expected of ['防诈骗宣讲', '张阿姨', '刘先生', '签到合计']) expect(text).toContain(expected);
  await staff.context().close();
});
