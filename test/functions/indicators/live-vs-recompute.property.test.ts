import fc from 'fast-check';
import type { Dashboard } from '@linli/types/entities/indicator-report';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { db } from '../../../cloudfunctions/_shared/runtime/cloud';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { fireTimer } from '../../../local/host/timers';
import {
  ADMIN,
  clearDemoAttendance,
  createContract,
  earlierThisMonth,
  inMonth,
  insertActivity,
  people,
  SOCIAL,
  SOCIAL2,
  VOLUNTEER,
} from './support';

/**
 * The roll-up property: after any sequence of the things that change records — paper lists
 * entered late (into closed months too), annulments, hour entries approved, home-visit team
 * members recorded and taken off, visitors' genders recorded, nightly runs and recomputes at any
 * point — once the nightly run has passed, the dashboard read from roll-ups +
 * the live month equals a recompute of everything from the records, and the drift check finds
 * nothing. Runs against the real functions and the local database.
 */

let h: FunctionHarness;
let contractId: string;
let residents: string[];
let activities: string[];

beforeAll(async () => {
  h = await startFunctionHarness();
  await clearDemoAttendance();
  residents = people('oPropRes', 1, 8);
  const now = new Date();
  await h.db.insertMany(
    'users',
    residents.map((id) => ({
      _id: id,
      name: `居民${id.slice(-3)}`,
      stationId: DEMO_STATION_ID,
      communityId: 'comm3',
      roles: ['resident'],
      consentAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const a = await insertActivity(h, {
    id: 'PropAct001',
    kind: 'small_event',
    startAt: inMonth(-2, 8),
    areaId: 'area2',
    communityId: 'comm3',
  });
  const b = await insertActivity(h, {
    id: 'PropGrp001',
    kind: 'group_session',
    startAt: inMonth(-1, 5, 14),
    sessionStarts: [inMonth(-1, 5, 14), inMonth(-1, 12, 14)],
    minutes: 120,
    areaId: 'area1',
  });
  const c = await insertActivity(h, {
    id: 'PropNow001',
    kind: 'workshop',
    startAt: earlierThisMonth(),
    minutes: 30,
    areaId: 'area3',
    communityId: 'comm5',
  });
  // Home visits: a family in M-2 (two social workers and a man), an elder in M-1 (three).
  const d = await insertActivity(h, {
    id: 'PropVisit1',
    kind: 'home_visit',
    startAt: inMonth(-2, 16),
    serviceArea: 'family',
    areaId: 'area1',
  });
  const e = await insertActivity(h, {
    id: 'PropVisit2',
    kind: 'home_visit',
    startAt: inMonth(-1, 9),
    serviceArea: 'elderly',
    areaId: 'area3',
    communityId: 'comm5',
  });
  activities = [a._id, b._id, c._id, d._id, e._id];
  contractId = (
    await createContract(h, [
      { id: 'events', name: '开展场次', measure: 'activities_held', unit: '场', targets: { total: 10 } },
      {
        id: 'small',
        name: '中小型活动',
        measure: 'activities_held',
        unit: '场',
        filter: { kinds: ['small_event'] },
        targets: { total: 5 },
      },
      { id: 'sessions', name: '小组节数', measure: 'sessions_held', unit: '节', targets: { total: 4 } },
      {
        id: 'people',
        name: '服务人次',
        measure: 'attendances',
        unit: '人次',
        targets: { byArea: { area1: 10 }, total: 30 },
      },
      { id: 'persons', name: '服务人数', measure: 'distinct_people', unit: '人', targets: { total: 20 } },
      { id: 'hours', name: '志愿服务时数', measure: 'volunteer_hours', unit: '小时', targets: { total: 50 } },
      {
        id: 'participations',
        name: '志愿服务人次',
        measure: 'volunteer_participations',
        unit: '人次',
        targets: { total: 20 },
      },
      { id: 'teams', name: '团队维系', measure: 'active_teams', unit: '个', targets: { total: 1 } },
      { id: 'visits', name: '入户次数', measure: 'home_visits_staffed', unit: '次', targets: { total: 2 } },
    ])
  ).id;
});
afterAll(async () => {
  await h.close();
});

/** Who may go on a visit: three social workers (the 站长 is one) and 赵志愿. */
const VISITORS = [
  { personId: SOCIAL, role: 'staff' },
  { personId: SOCIAL2, role: 'staff' },
  { personId: ADMIN, role: 'staff' },
  { personId: VOLUNTEER, role: 'volunteer' },
] as const;
const VISITS = [3, 4];

type Event =
  | { type: 'paper'; activity: number; person: number }
  | { type: 'annul'; activity: number; person: number }
  | { type: 'member'; visit: number; visitor: number; add: boolean }
  | { type: 'gender'; visit: number; visitor: number; male: boolean }
  | { type: 'hours'; month: number; minutes: number; day: number }
  | { type: 'nightly' }
  | { type: 'recompute' };

const event: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('paper' as const),
      activity: fc.integer({ min: 0, max: 4 }),
      person: fc.integer({ min: 0, max: 7 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('annul' as const),
      activity: fc.integer({ min: 0, max: 4 }),
      person: fc.integer({ min: 0, max: 7 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('member' as const),
      visit: fc.integer({ min: 0, max: 1 }),
      visitor: fc.integer({ min: 0, max: 3 }),
      add: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('gender' as const),
      visit: fc.integer({ min: 0, max: 1 }),
      visitor: fc.integer({ min: 0, max: 3 }),
      male: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('hours' as const),
      month: fc.integer({ min: -2, max: -1 }),
      minutes: fc.integer({ min: 10, max: 180 }),
      day: fc.integer({ min: 1, max: 20 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'nightly' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'recompute' as const }) },
);

let hourSeq = 0;
async function apply(e: Event): Promise<void> {
  switch (e.type) {
    case 'paper':
      await h.ok(SOCIAL, 'checkin', 'recordPaper', {
        activityId: activities[e.activity]!,
        entries: [{ personId: residents[e.person]! }],
        note: '补录纸质签到表',
      });
      return;
    case 'annul':
      // Someone not signed in is refused (NOT_FOUND / NOT_SIGNED_IN): nothing changes, as meant.
      await h.call(SOCIAL, 'checkin', 'annul', {
        activityId: activities[e.activity]!,
        personId: residents[e.person]!,
        reason: '误签撤销',
      });
      return;
    case 'member': {
      const activityId = activities[VISITS[e.visit]!]!;
      const { personId, role } = VISITORS[e.visitor]!;
      // Taking off someone not on the team is refused (NOT_FOUND): nothing changes, as meant.
      if (e.add) await h.ok(SOCIAL, 'visits', 'addMember', { activityId, personId, role });
      else await h.call(SOCIAL, 'visits', 'removeMember', { activityId, personId });
      return;
    }
    case 'gender':
      // Recorded on one visit's page, it changes every visit the person was on (the other month too).
      await h.call(SOCIAL, 'visits', 'setGender', {
        activityId: activities[VISITS[e.visit]!]!,
        personId: VISITORS[e.visitor]!.personId,
        gender: e.male ? 'male' : 'female',
      });
      return;
    case 'hours': {
      hourSeq += 1;
      // Distinct starts, some overlapping others of the same day: the overlap rule is exercised.
      const start = inMonth(e.month, e.day, 8 + (hourSeq % 4));
      const entry = await h.ok(SOCIAL, 'hours', 'add', {
        volunteerId: VOLUNTEER,
        span: { startAt: start.toISOString(), endAt: new Date(start.getTime() + e.minutes * 60_000).toISOString() },
        content: '入户探访',
        note: '',
      });
      await h.ok(SOCIAL2, 'hours', 'approve', { entryIds: [entry.id] });
      return;
    }
    case 'nightly':
      await fireTimer('rollups', 'recomputeTouched');
      return;
    case 'recompute':
      await h.ok(ADMIN, 'indicators', 'recompute', { contractId });
  }
}

const table = (d: Dashboard) => d.indicators.map((r) => [r.id, [...r.cells, r.total].map((c) => c.doneText)]);

it('after the nightly run, the dashboard from roll-ups equals a recompute from the records', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 8 }), async (events) => {
      for (const e of events) await apply(e);
      await fireTimer('rollups', 'recomputeTouched');

      const fromRollups = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
      expect(fromRollups.freshness.filter((f) => f.source === 'rollup').length).toBeGreaterThan(0);
      const drift = await h.ok(SOCIAL, 'indicators', 'driftCheck', { contractId });
      expect(drift.months.filter((m) => m.state === 'differs')).toEqual([]);

      // Everything from the records: no roll-ups at all.
      await db.collection('indicator_rollups').where({ stationId: DEMO_STATION_ID }).remove();
      const recomputed = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
      expect(recomputed.freshness.every((f) => f.source !== 'rollup')).toBe(true);
      expect(table(fromRollups)).toEqual(table(recomputed));
      // Back to rolled-up months for the next run.
      await h.ok(ADMIN, 'indicators', 'recompute', { contractId });
    }),
    { numRuns: 8 },
  );
}, 240_000);
