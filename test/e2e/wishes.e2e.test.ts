import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, tap, ui } from './support/ui';
import { solidPng } from '../support/images';

/**
 * 微心愿 in the browser, from submission to confirmation with three people: 李社工 writes a wish
 * down for 张阿姨 (the usual case), is refused a public text that names her, publishes it with one
 * that does not; 赵志愿 finds it on 心愿墙, claims it and records the delivery with a photo; 张阿姨 confirms
 * receipt in 我的心愿; 李社工 sees every step. The wall never shows 张阿姨's name.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Types into the NutUI textarea with this placeholder. */
const textArea = (page: Page, placeholder: string) => ui(page).locator(`textarea[placeholder="${placeholder}"]`);

/** The visible page's text, for what must (not) be on screen. */
const screenText = async (page: Page): Promise<string> => (await ui(page).textContent()) ?? '';

it('李社工 writes a wish down for 张阿姨 and publishes it; 赵志愿 claims and delivers it; 张阿姨 confirms', async () => {
  const tag = String(Date.now() % 100000);
  const what = `一台电风扇（${tag}）`;
  const publicTitle = `为长者送一台电风扇 ${tag}`;

  // 李社工: 工作台 → 微心愿 → 代居民提交心愿, for 张阿姨.
  const staff = await openAs(browser, '李社工');
  await goTo(staff, '/subpackages/staff/pages/workbench/index');
  await tap(staff, '微心愿');
  await ui(staff).getByText('本月点亮', { exact: false }).waitFor();
  await button(staff, '代居民提交心愿').click();
  await input(staff, '姓名或手机尾号').fill('张阿姨');
  await button(staff, '查找').click();
  await ui(staff).locator('.ll-resident-search__row').filter({ hasText: '张阿姨' }).locator('taro-button-core').click();
  await ui(staff).getByText('为 张阿姨 提交').waitFor();
  await input(staff, '例如：一台电饭煲').fill(what);
  await textArea(staff, '为什么需要它，家里的情况').fill('张阿姨独居，家里的电风扇坏了，夏天很热。');
  await input(staff, '例如：200').fill('150');
  await tap(staff, '生活用品');
  await tap(staff, '独居孤寡长者');
  await screenshot(staff, 'wishes-01-staff-submits-for-resident');
  await button(staff, '提交心愿').click();

  // The wish's page: who it is for, and the public text to publish it with.
  await ui(staff).getByTestId('wish-review').waitFor();
  expect(await screenText(staff)).toContain('张阿姨 · 光复社区 · 尾号0011');
  await input(staff, '例如：为长者添一台电饭煲').fill(publicTitle);
  const publicText = '例如：一位长者家里的电饭煲坏了，想要一台小容量的电饭煲';
  await textArea(staff, publicText).fill('张阿姨是独居老人，想要一台电风扇。');
  await button(staff, '审核通过并发布').click();
  await ui(staff).getByText('不能出现受助人的姓名；不能出现低保、残疾、独居等困难类别').waitFor();
  await screenshot(staff, 'wishes-02-public-text-refused');
  await textArea(staff, publicText).fill('一位长者家里的电风扇坏了，夏天很热，想要一台新的电风扇。');
  await button(staff, '审核通过并发布').click();
  await ui(staff).getByText('心愿墙上显示').waitFor();
  await ui(staff).locator('.ll-status-badge').filter({ hasText: '待认领' }).first().waitFor();
  await screenshot(staff, 'wishes-03-published');

  // 赵志愿: 我的 → 心愿墙, claims it and records the delivery.
  const volunteer = await openAs(browser, '赵志愿');
  await goTo(volunteer, '/pages/mine/index');
  await tap(volunteer, '心愿墙');
  const card = ui(volunteer).getByTestId('public-wish').filter({ hasText: publicTitle });
  await card.waitFor();
  expect(await screenText(volunteer)).not.toContain('张阿姨');
  await screenshot(volunteer, 'wishes-04-wall');
  await card.click();
  await button(volunteer, '认领这个心愿').click();
  await ui(volunteer).getByText('您已认领。请联系社工李社工约定交付方式，送到后在下面登记交付。').waitFor();
  await textArea(volunteer, '送了什么、怎么交付的').fill('电风扇已送到社工站，由李社工转交');
  // A photo of the delivery, through the browser's file chooser (on a phone: the album or camera).
  const chooser = volunteer.waitForEvent('filechooser');
  await ui(volunteer).getByLabel('添加照片').click();
  const sheet = volunteer.getByText('从相册选择', { exact: true });
  if (await sheet.isVisible().catch(() => false)) await sheet.click();
  await (await chooser).setFiles({ name: 'fan.png', mimeType: 'image/png', buffer: solidPng(200, [192, 80, 30]) });
  await ui(volunteer).locator('[data-testid="photo-tile"][data-status="done"]').waitFor();
  await screenshot(volunteer, 'wishes-05-claimed');
  await button(volunteer, '登记交付').click();
  await ui(volunteer).getByText('已登记交付，等待受助人或社工确认收到。').waitFor();
  await ui(volunteer).getByLabel('查看交付照片').waitFor();
  expect(await screenText(volunteer)).not.toContain('张阿姨');
  await screenshot(volunteer, 'wishes-06-delivered');

  // 张阿姨: 我的 → 我的心愿, confirms receipt.
  const zhang = await openAs(browser, '张阿姨');
  await goTo(zhang, '/pages/mine/index');
  await tap(zhang, '我的心愿');
  const row = ui(zhang).getByTestId('wish-row').filter({ hasText: what });
  await row.getByText('心愿已交付，收到后请点开确认').waitFor();
  await screenshot(zhang, 'wishes-07-my-wishes');
  await row.click();
  await button(zhang, '确认收到').click();
  await ui(zhang)
    .getByText(/已确认收到，心愿点亮$/)
    .waitFor();
  await screenshot(zhang, 'wishes-08-confirmed');

  // 李社工 reads every step, with who and in what capacity.
  await staff.reload();
  const history = ui(staff).getByTestId('wish-history');
  await history.getByText('张阿姨（本人）确认收到').waitFor();
  const steps = await history.locator('.ll-wish-history__what').allTextContents();
  expect(steps).toEqual([
    '李社工（社工）提交心愿',
    '李社工（社工）审核通过',
    '发布',
    '赵志愿（认领人）认领',
    '赵志愿（认领人）登记交付',
    '张阿姨（本人）确认收到',
  ]);
  // The delivery photo, shown to staff through a link that expires.
  const photo = ui(staff).getByLabel('查看交付照片').locator('img');
  expect(await photo.getAttribute('src')).toMatch(
    /__files\/cloud%3A%2F%2Flocal%2Fuploads%2FoDemoVolunteer1%2F.+\?expires=\d+&sig=/,
  );
  await screenshot(staff, 'wishes-09-history');

  // The wall, as anyone sees it now: the wish is off the open list, and nothing names her.
  await goTo(volunteer, '/pages/wishes/wall/index');
  await ui(volunteer).getByText('待认领', { exact: true }).first().waitFor();
  await ui(volunteer).getByText('心愿墙不显示受助人的姓名、住址和困难情况。').waitFor();
  expect(await screenText(volunteer)).not.toContain('张阿姨');
  expect(await screenText(volunteer)).not.toContain(publicTitle);

  for (const page of [staff, volunteer, zhang]) await page.context().close();
});
