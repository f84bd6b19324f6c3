import type { Browser } from 'playwright-core';
import { callAs } from './support/api';
import { launchBrowser, screenshot } from './support/browser';
import { button, goTo, openAs, tap, ui } from './support/ui';

/**
 * 指标 (issue 6): 陈站长 opens 工作台 → 指标, creates this year's contract from the 岭南街 template
 * (its 片区1–3 mapped to the station's 第一–第三片区), reads the completion table, and drills into
 * one indicator. The numbers on screen are compared with what the dashboard action answers for
 * the same contract, so the page shows the server's figures and nothing recomputed.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const ADMIN = 'oDemoAdmin0001';

it('the 站长 creates a contract from a template, reads the dashboard and drills into an indicator', async () => {
  const before = new Set((await callAs(ADMIN, 'indicators', 'contracts', {})).items.map((c) => c.id));
  const template = (await callAs(ADMIN, 'indicators', 'templates', {})).items.find((t) => t.id === 'seed004-lingnan')!;
  const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);

  const director = await openAs(browser, '陈站长');
  await goTo(director, '/subpackages/staff/pages/workbench/index');
  await tap(director, '指标');
  await ui(director).getByText('从模板新建').waitFor();
  await ui(director).getByRole('radio', { name: template.title }).click();
  for (const [i, key] of ['pianqu1', 'pianqu2', 'pianqu3'].entries()) {
    await ui(director)
      .getByRole('radiogroup', { name: `模板的 ${key} 对应本站` })
      .getByRole('radio', { name: ['第一片区', '第二片区', '第三片区'][i]! })
      .click();
  }
  await ui(director)
    .getByRole('radio', { name: `${year}年全年` })
    .click();
  await screenshot(director, 'indicators-01-from-template');
  await button(director, '新建合同').click();

  // The new contract's dashboard opens.
  await ui(director).getByText('时间进度：').first().waitFor();
  const created = (await callAs(ADMIN, 'indicators', 'contracts', {})).items.find((c) => !before.has(c.id))!;
  expect(created.periodStart).toBe(`${year}-01-01`);
  const expected = await callAs(ADMIN, 'indicators', 'dashboard', { contractId: created.id });
  await ui(director).getByText(`时间进度：${expected.elapsed.text}`).waitFor();

  const cards = ui(director).locator('.dashboard-page__card');
  await expect(cards.count()).resolves.toBe(expected.indicators.length);
  // Every cell of the first indicators, 片区 and 合计, as the action formats them.
  let checked = 0;
  for (const [i, row] of expected.indicators.slice(0, 6).entries()) {
    const card = cards.nth(i);
    for (const cell of [...row.cells, row.total]) {
      const text =
        cell.doneText +
        (cell.target !== null ? ` / ${cell.target}` : '') +
        (cell.completion ? ` · ${cell.completion}` : '');
      await expect(card.getByText(text, { exact: true }).count()).resolves.toBeGreaterThan(0);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(6);
  // At least one number comes from the demo records (not all zero).
  expect(expected.indicators.some((r) => (r.total.done ?? 0) > 0)).toBe(true);
  await screenshot(director, 'indicators-02-dashboard');

  // Drill into the first indicator whose 合计 counts sessions from the demo's activities.
  let index = -1;
  let drill: Awaited<ReturnType<typeof callAs<'indicators', 'drillDown'>>> | null = null;
  for (const [i, row] of expected.indicators.entries()) {
    const answer = await callAs(ADMIN, 'indicators', 'drillDown', {
      contractId: created.id,
      indicatorId: row.id,
      areaId: null,
    });
    if (answer.kind === 'sessions' && answer.counted > 0) {
      index = i;
      drill = answer;
      break;
    }
  }
  if (!drill || drill.kind !== 'sessions') throw new Error('no indicator counts a demo session');
  const card = cards.nth(index);
  await card.scrollIntoViewIfNeeded();
  await card.getByText('合计', { exact: true }).click({ force: true });
  await ui(director).getByText(`共 ${drill.total} 场，计入 ${drill.counted} 场`).waitFor();
  await ui(director).getByText(drill.items[0]!.reason).first().waitFor();
  await screenshot(director, 'indicators-03-drilldown');

  // Left as found: the contract is archived (the demo's own contract stays the list's first).
  await callAs(ADMIN, 'indicators', 'archiveContract', { contractId: created.id });
});
