import type { Dashboard, IndicatorRow } from '@linli/types/entities/indicator-report';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { fireTimer } from '../../../local/host/timers';
import {
  ADMIN,
  clearDemoAttendance,
  createContract,
  earlierThisMonth,
  inMonth,
  insertActivity,
  insertSignIns,
  monthKey,
  SOCIAL,
  SOCIAL2,
  VOLUNTEER,
} from '../indicators/support';

/**
 * 入户探访（人员配备达标） on the dashboard: home visits held whose recorded team meets seed 000's
 * rule, per 片区 and in total, with the drill-down's sentence per visit; and the roll-ups kept
 * right when a team or a visitor's gender changes after a month was rolled up.
 */
let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  await clearDemoAttendance();
});
afterEach(async () => {
  await h.close();
});

const INDICATORS = [
  { id: 'staffed', name: '入户次数', measure: 'home_visits_staffed', unit: '次', targets: { total: 4 } },
  {
    id: 'elder',
    name: '长者居家探访入户次数',
    measure: 'home_visits_staffed',
    unit: '户',
    filter: { serviceAreas: ['elderly'] },
    targets: { total: 2 },
  },
  {
    id: 'visited',
    name: '入户人次',
    measure: 'attendances',
    unit: '人次',
    filter: { kinds: ['home_visit'] },
    targets: { total: 10 },
  },
] as const;

/** A home visit held (one person visited) or not (nobody signed in). */
async function visit(id: string, startAt: Date, areaId: string, serviceArea: string, held = true) {
  const communityId = { area1: 'comm1', area2: 'comm3', area3: 'comm5' }[areaId]!;
  const activity = await insertActivity(h, { id, kind: 'home_visit', startAt, areaId, communityId, serviceArea });
  if (held) await insertSignIns(h, activity, [`${id}-visited`]);
  return id;
}
const add = (activityId: string, personId: string, role: 'staff' | 'volunteer' = 'staff') =>
  h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId, role });

const row = (d: Dashboard, id: string) => d.indicators.find((r) => r.id === id)!;
/** [area1, area2, area3, 合计] as shown. */
const cells = (r: IndicatorRow) => [...r.cells, r.total].map((c) => c.doneText);

async function seedVisits() {
  // Two months ago, 第一片区: two social workers and 赵志愿 (a man on his registration) — staffed.
  const v1 = await visit('VisitOne01', inMonth(-2, 6), 'area1', 'family');
  for (const p of [SOCIAL, SOCIAL2]) await add(v1, p);
  await add(v1, VOLUNTEER, 'volunteer');
  // Last month, 第二片区, an elder: the same team is one social worker short.
  const v2 = await visit('VisitTwo01', inMonth(-1, 8), 'area2', 'elderly');
  for (const p of [SOCIAL, SOCIAL2]) await add(v2, p);
  await add(v2, VOLUNTEER, 'volunteer');
  // Two months ago too, 第一片区: two social workers of unrecorded gender — no man on record.
  const v3 = await visit('VisitThr01', inMonth(-2, 12), 'area1', 'family');
  for (const p of [SOCIAL, SOCIAL2]) await add(v3, p);
  // This month, 第三片区: fully staffed, but nobody signed in as visited — not held.
  const v4 = await visit('VisitFou01', earlierThisMonth(), 'area3', 'family', false);
  for (const p of [SOCIAL, SOCIAL2]) await add(v4, p);
  await add(v4, VOLUNTEER, 'volunteer');
  return { v1, v2, v3, v4 };
}

it('counts the visits held whose team meets the rule, and says why per visit', async () => {
  const { v2, v3 } = await seedVisits();
  const { id: contractId } = await createContract(h, [...INDICATORS] as never);
  const dashboard = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
  expect(row(dashboard, 'staffed').source).toMatchObject({ available: true, label: '入户探访人员配备' });
  expect(cells(row(dashboard, 'staffed'))).toEqual(['1', '0', '0', '1']);
  expect(cells(row(dashboard, 'elder'))).toEqual(['0', '0', '0', '0']);
  expect(cells(row(dashboard, 'visited'))).toEqual(['2', '1', '0', '3']);

  const drill = await h.ok(SOCIAL, 'indicators', 'drillDown', { contractId, indicatorId: 'staffed', areaId: null });
  if (drill.kind !== 'sessions') throw new Error(drill.kind);
  // Every session of the period is listed (the demo's own, nobody signed in, say why too).
  expect(drill.counted).toBe(1);
  const visits = drill.items.filter((i) => i.activityId.startsWith('Visit'));
  expect(visits.map((i) => [i.activityId, i.included, i.reason])).toEqual([
    [
      'VisitOne01',
      true,
      '计划为入户探访，实际探访1人，按入户探访计；探访人员：社工2人、志愿者1人，含男性1人（2人未登记性别） — 达标',
    ],
    [
      'VisitThr01',
      false,
      '计划为入户探访，实际探访1人，按入户探访计；探访人员：社工2人，含男性0人（2人未登记性别）；需至少1名男性社工或志愿者 — 未达标',
    ],
    [
      'VisitTwo01',
      false,
      '计划为入户探访，实际探访1人，按入户探访计；探访人员：社工2人、志愿者1人，含男性1人（2人未登记性别）；探访长者需社工3人 — 未达标',
    ],
    ['VisitFou01', false, '计划为入户探访，无人探访，不计入'],
  ]);

  // The third social worker for the elder, and 王社工's gender for the other: both count now.
  await add(v2, ADMIN);
  await h.ok(SOCIAL, 'visits', 'setGender', { activityId: v3, personId: SOCIAL2, gender: 'male' });
  const after = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
  expect(cells(row(after, 'staffed'))).toEqual(['2', '1', '0', '3']);
  expect(cells(row(after, 'elder'))).toEqual(['0', '1', '0', '1']);
  expect(row(after, 'elder').total.completion).toBe('50.00%');
});

it('keeps the roll-ups right when a closed month’s team or a visitor’s gender changes later', async () => {
  const { v2, v4 } = await seedVisits();
  const { id: contractId } = await createContract(h, [...INDICATORS] as never);
  await fireTimer('rollups', 'recomputeTouched');
  const rolled = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
  expect(rolled.freshness.find((f) => f.month === monthKey(-1))!.source).toBe('rollup');
  expect(cells(row(rolled, 'staffed'))).toEqual(['1', '0', '0', '1']);

  // Closed months change after their roll-ups: last month, a member recorded on the elder's visit;
  // two months ago, by a gender recorded on this month's visit page — it is 王社工's, so it
  // changes every visit he was on.
  await add(v2, ADMIN);
  await h.ok(SOCIAL, 'visits', 'setGender', { activityId: v4, personId: SOCIAL2, gender: 'male' });
  const drift = await h.ok(ADMIN, 'indicators', 'driftCheck', { contractId });
  expect(drift.months.filter((m) => m.state === 'differs').map((m) => m.month)).toEqual([monthKey(-2), monthKey(-1)]);

  // The nightly run finds the touched months and recomputes them: roll-ups and records agree.
  await fireTimer('rollups', 'recomputeTouched');
  const fromRollups = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
  for (const month of [monthKey(-2), monthKey(-1)]) {
    expect(fromRollups.freshness.find((f) => f.month === month)!.source).toBe('rollup');
  }
  expect(cells(row(fromRollups, 'staffed'))).toEqual(['2', '1', '0', '3']);
  const clean = await h.ok(ADMIN, 'indicators', 'driftCheck', { contractId });
  expect(clean.months.filter((m) => m.state === 'differs')).toEqual([]);
});
