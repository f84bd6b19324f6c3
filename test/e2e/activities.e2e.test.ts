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
