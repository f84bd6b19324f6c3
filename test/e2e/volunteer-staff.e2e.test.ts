import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, input, openAs, tap, ui } from './support/ui';

/**
 * Hours entered by hand, the social workers' side (issue 4): 李社工 records a home visit for
 * 赵志愿; she may not approve what she typed (the page says why); 陈站长 approves it; the
 * registry export for 中国志愿服务网 then carries it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const HOURS_INBOX = '/subpackages/staff/pages/hours-inbox/index';

/** The first day of the current month in Asia/Shanghai, `YYYY-MM-DD`. */
function firstOfThisMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  return `${shanghai.toISOString().slice(0, 7)}-01`;
}

/** The entry's card in 时长审核, by the service text typed (unique to this run). */
const entryCard = (page: Page, content: string) => ui(page).locator('.ll-hour-entry').filter({ hasText: content });

it('a social worker adds hours for 赵志愿, cannot approve them herself, the 站长 approves, the registry export has them', async () => {
  const content = `入户探访${Date.now() % 100000}`;

  // 李社工: 工作台 → 录入时长, for 赵志愿, with the default times (the hour before now).
  const worker = await openAs(browser, '李社工');
  await goTo(worker, '/subpackages/staff/pages/workbench/index');
  await tap(worker, '录入时长');
  await input(worker, '输入姓名或手机尾号筛选').fill('赵志愿');
  await ui(worker).locator('.hours-add-page__option').filter({ hasText: '赵志愿' }).first().click();
  await ui(worker).locator('.hours-add-page__chosen').filter({ hasText: '赵志愿' }).waitFor();
  const servedDate = /\d{4}-\d{2}-\d{2}/.exec((await ui(worker).getByLabel('服务日期').textContent()) ?? '')?.[0];
  expect(servedDate).toBeTruthy();
  await input(worker, '例如：入户探访').fill(content);
  await input(worker, '服务对象、同行人员等').fill('探访独居长者，陪同复诊');
  await screenshot(worker, 'volunteer-staff-01-hours-add');
  await button(worker, '提交录入').click();
  await ui(worker)
    .getByText(/^已为赵志愿录入 \d+\.\d\d 小时，待审核$/)
    .waitFor();
  await ui(worker)
    .getByText(/另一位社工或站长/)
    .first()
    .waitFor();
  await screenshot(worker, 'volunteer-staff-02-hours-added');

  // She tries to approve it herself: refused, and the card says why.
  await button(worker, '去时长审核').click();
  const mine = entryCard(worker, content);
  await mine.waitFor();
  await expect(mine.textContent()).resolves.toContain('社工录入');
  await mine.locator('[role="checkbox"]').click();
  await button(worker, '批量通过').click();
  await mine.locator('.ll-hour-entry__refusal').filter({ hasText: '不能审核自己' }).waitFor();
  await ui(worker).getByText('1 条未能通过（原因见该条记录）').waitFor();
  await expect(mine.textContent()).resolves.toContain('待审核');
  await screenshot(worker, 'volunteer-staff-03-self-approval-refused');

  // 陈站长 approves it: it leaves the inbox.
  const director = await openAs(browser, '陈站长');
  await goTo(director, HOURS_INBOX);
  const theirs = entryCard(director, content);
  await theirs.waitFor();
  await theirs.locator('[role="checkbox"]').click();
  await button(director, '批量通过').click();
  await ui(director).getByText('已通过 1 条').waitFor();
  await theirs.waitFor({ state: 'detached' });
  await screenshot(director, 'volunteer-staff-04-approved');

  // The registry export (this month, or last month when the hour before now was last month).
  if (servedDate! < firstOfThisMonth()) await tap(director, '上月');
  const [download] = await Promise.all([
    director.waitForEvent('download'),
    button(director, '导出志愿服务时长').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const text = Object.entries(files)
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
  for (const expected of ['赵志愿', content, servedDate!]) expect(text).toContain(expected);
  await screenshot(director, 'volunteer-staff-05-registry-exported');

  for (const page of [worker, director]) await page.context().close();
});
