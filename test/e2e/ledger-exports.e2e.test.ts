import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { callAs } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, openAs, tap, ui } from './support/ui';

/**
 * 导出台账 (issue 6): the 站长 opens 工作台 → 导出台账, picks the station's contract, and downloads
 * the completion table in the evaluator's layout and the 台账 with the past week's activities and
 * their sign-in sheets (the demo's 长者生日会, three days ago, signed in by 张阿姨).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const day = (offsetDays: number) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Every string of an xlsx file (shared and inline strings, sheet names). */
async function xlsxText(path: string): Promise<string> {
  const files = unzipSync(new Uint8Array(await readFile(path)));
  return Object.entries(files)
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('\n');
}

async function download(page: Page, text: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button(page, text).click()]);
  return { name: file.suggestedFilename(), text: await xlsxText(await file.path()) };
}

it('the 站长 exports a contract’s completion table and its 台账 from the workbench', async () => {
  const name = `岭南街年度项目${Date.now() % 100000}`;
  await callAs('oDemoAdmin0001', 'indicators', 'createContract', {
    draft: {
      name,
      periodStart: day(-30),
      periodEnd: day(300),
      indicators: [
        {
          id: 'small-events',
          section: '中小型社区活动',
          name: '开展场次',
          measure: 'activities_held',
          filter: { kinds: ['small_event'] },
          unit: '场',
          targets: { total: 6 },
        },
      ],
    },
  });

  const director = await openAs(browser, '陈站长');
  await goTo(director, '/subpackages/staff/pages/workbench/index');
  await tap(director, '导出台账');
  await ui(director).getByRole('radio', { name }).click();
  await ui(director)
    .getByText(`合同期 ${day(-30)} 至 ${day(300)}。中期评估可只导出合同期的前一段。`)
    .waitFor();
  await screenshot(director, 'ledger-exports-01-page');

  const table = await download(director, '导出指标完成情况表');
  expect(table.name).toBe(`指标完成情况-${name}-${day(-30)}至${day(0)}.xlsx`);
  for (const expected of ['指标完成情况统计表', name, '协议量', '完成量', '百分比', '开展场次（场）', '合计']) {
    expect(table.text).toContain(expected);
  }

  const pack = await download(director, '导出活动与签到台账');
  expect(pack.name).toBe(`台账-${name}-${day(-30)}至${day(0)}.xlsx`);
  for (const expected of ['活动清单', '签到表', '志愿服务时数', '长者生日会', '张阿姨', '认定理由']) {
    expect(pack.text).toContain(expected);
  }
  await screenshot(director, 'ledger-exports-02-downloaded');
});
