import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { PersonalDataExport } from '@linli/types/entities/privacy';
import { callAs } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, tap, ui } from './support/ui';

/**
 * 隐私与数据, end to end (docs/privacy.md): a newcomer saves a profile and sends feedback, downloads
 * everything held about them, and asks for deletion; 陈站长 finds the request in 工作台 → 个人信息请求
 * with its due date and carries it out; the person's data is gone, their feedback is still counted
 * (the indicators read the same), and they see the outcome on the same page.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const ADMIN = 'oDemoAdmin0001';
const CONTRACT = 'ct_DemoLingnan';

/** The OPENID the browser is logged in as (the dev login keeps its token in storage). */
async function openidOf(page: Page): Promise<string> {
  const stored = await page.evaluate(() => localStorage.getItem('linli.devToken'));
  const token = (JSON.parse(stored ?? '{}') as { data?: string }).data ?? stored ?? '';
  const res = await page.request.post(new URL('/api/account', page.url()).toString(), {
    headers: { authorization: `Bearer ${token}` },
    data: { action: 'me', input: {} },
  });
  const body = (await res.json()) as { data: { profile: { openid: string } } };
  return body.data.profile.openid;
}

const indicatorsNow = async () =>
  (await callAs(ADMIN, 'indicators', 'dashboard', { contractId: CONTRACT })).indicators.map((i) => ({
    id: i.id,
    total: i.total.doneText,
    cells: i.cells.map((c) => c.doneText),
  }));

it('a person downloads their data and asks for deletion; the 站长 carries it out; the numbers stay', async () => {
  const name = `隐私测试${String(Date.now()).slice(-4)}`;
  const person = await openAs(browser, 'new');
  await button(person, '完善资料').click();
  await input(person, '例如：王秀英').fill(name);
  await ui(person).getByText('岭南街社工服务站（演示）').click();
  await ui(person).getByText('光复社区').click();
  await input(person, '11位手机号').fill('13766667777');
  await ui(person).getByText('我已阅读并同意').click();
  await button(person, '保存').click();
  await ui(person).getByText(name).first().waitFor();

  // Something the indicators count: feedback (意见处理及时率), through the function as the app sends it.
  const openid = await openidOf(person);
  await callAs(openid, 'feedback', 'submit', {
    category: 'suggestion',
    text: `${name}：希望增加读报活动`,
    anonymous: false,
  });
  const before = await indicatorsNow();

  // 我的 → 隐私与数据 → 导出我的数据: one JSON file with everything, their own phone in full.
  await ui(person).getByText('我的', { exact: true }).last().click({ force: true });
  await tap(person, '隐私与数据');
  await ui(person).getByText('申请删除', { exact: true }).waitFor();
  await screenshot(person, 'privacy-01-page');
  const [download] = await Promise.all([person.waitForEvent('download'), button(person, '导出我的数据').click()]);
  expect(download.suggestedFilename()).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as PersonalDataExport;
  const rows = (key: string) => exported.sections.find((s) => s.key === key)?.rows ?? [];
  expect(rows('profile')[0]).toMatchObject({ 姓名: name, 手机号: '13766667777', 社区: '光复社区' });
  expect(rows('feedback')[0]).toMatchObject({ 内容: `${name}：希望增加读报活动` });

  // 申请删除, with a reason, after a confirmation.
  await ui(person).locator('textarea[placeholder="原因（可不填）"]').fill('搬去外地了');
  await button(person, '申请删除我的信息').click();
  await person.locator('.taro-model__confirm').click();
  await ui(person).getByText('待处理').waitFor();
  await ui(person)
    .getByText(/处理期限/)
    .waitFor();
  await screenshot(person, 'privacy-02-requested');

  // 陈站长: 工作台 → 个人信息请求, the request with who asked and when it is due; 执行删除.
  const admin = await openAs(browser, '陈站长');
  await goTo(admin, '/subpackages/staff/pages/workbench/index');
  await ui(admin).locator('.ll-entry-tiles__tile').filter({ hasText: '个人信息请求' }).click();
  const card = ui(admin).locator('.ll-privacy-request').filter({ hasText: name });
  await card.getByText(`${name} · 137****7777 · 居民`).waitFor();
  await card.getByText('原因：搬去外地了').waitFor();
  await screenshot(admin, 'privacy-03-queue');
  await card.locator('taro-button-core').filter({ hasText: '执行删除' }).click();
  await admin.locator('.taro-model__confirm').click();
  await ui(admin).locator('.ll-privacy-request').filter({ hasText: name }).waitFor({ state: 'detached' });
  await screenshot(admin, 'privacy-04-done');

  // The indicators read the same: the feedback is still counted, without the person.
  expect(await indicatorsNow()).toEqual(before);

  // The person sees the outcome; their profile is gone.
  await person.reload();
  await ui(person).getByText('已删除', { exact: true }).waitFor();
  await ui(person)
    .getByText(/已删除 \d+ 条记录/)
    .waitFor();
  await screenshot(person, 'privacy-05-outcome');
  await goTo(person, '/pages/mine/index');
  await ui(person).getByText('您还没有完善资料').waitFor();

  await admin.context().close();
  await person.context().close();
});
