import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { ADMIN, draftFor } from './support';

/**
 * Months are walked per request (a dashboard over the contract period, a recompute over its
 * months): a range that is years wide must be refused before the walk, not after it. Found by the
 * fuzz test: a recompute from 0000-01 to 9999-12 kept the runtime busy for minutes (and every
 * other call failed meanwhile), and a contract from 0000-01-01 to 9999-12-31 was accepted.
 */

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(() => h.close());

const EVENTS = {
  id: 'events',
  name: '开展场次',
  measure: 'activities_held',
  unit: '场',
  targets: { total: 20 },
} as const;

it('refuses a recompute of ten thousand years at once, with the limit in words', async () => {
  const started = process.cpuUsage();
  const answer = await h.call(ADMIN, 'indicators', 'recompute', { fromMonth: '0000-01', toMonth: '9999-12' });
  const { user, system } = process.cpuUsage(started);
  expect(!answer.ok && answer.error).toMatchObject({ code: 'INVALID_INPUT', message: '一次最多重新汇总36个月' });
  // The walk through 120,000 months took minutes of CPU; the refusal takes milliseconds.
  expect((user + system) / 1000).toBeLessThan(2_000);
});

it('takes a contract of up to three years, refuses a longer one and a day that is not in the calendar', async () => {
  const create = (periodStart: string, periodEnd: string) =>
    h.call(ADMIN, 'indicators', 'createContract', { draft: draftFor([EVENTS], { periodStart, periodEnd }) });

  expect((await create('2024-01-01', '2026-12-31')).ok).toBe(true);
  const tooLong = await create('0000-01-01', '9999-12-31');
  expect(!tooLong.ok && tooLong.error.fields?.[0]).toMatchObject({
    path: 'draft.periodEnd',
    message: '合同期不超过3年',
  });
  expect((await create('2024-01-01', '2027-01-01')).ok).toBe(false);
  const notADay = await create('2024-02-30', '2024-12-31');
  expect(!notADay.ok && notADay.error.fields?.[0]).toMatchObject({
    path: 'draft.periodStart',
    message: '没有这一天，请检查日期',
  });
  expect((await create('2024-02-29', '2024-12-31')).ok).toBe(true);
});
