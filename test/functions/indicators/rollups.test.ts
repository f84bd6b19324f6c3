import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { db, _ } from '../../../cloudfunctions/_shared/runtime/cloud';
import { indicatorRollupsRepository } from '../../../cloudfunctions/_shared/repositories/indicator-rollups';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { fireTimer } from '../../../local/host/timers';
import {
  activityDoc,
  ADMIN,
  clearDemoAttendance,
  entryDoc,
  signInDocs,
  createContract,
  earlierThisMonth,
  inMonth,
  insertActivity,
  insertApprovedEntry,
  insertSignIns,
  monthKey,
  people,
  SOCIAL,
  SOCIAL2,
  VOLUNTEER,
} from './support';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  await clearDemoAttendance();
});
afterEach(async () => {
  await h.close();
});

const INDICATORS = [
  { id: 'events', name: '开展场次', measure: 'activities_held', unit: '场', targets: { total: 20 } },
  {
    id: 'people',
    name: '服务人次',
    measure: 'attendances',
    unit: '人次',
    targets: { byArea: { area1: 100 }, total: 300 },
  },
  { id: 'persons', name: '服务人数', measure: 'distinct_people', unit: '人', targets: { total: 100 } },
  { id: 'hours', name: '志愿服务时数', measure: 'volunteer_hours', unit: '小时', targets: { total: 100 } },
  { id: 'new-volunteers', name: '新增志愿者', measure: 'new_volunteers', unit: '人', targets: { total: 10 } },
  { id: 'teams', name: '团队维系', measure: 'active_teams', unit: '个', targets: { total: 2 } },
  { id: 'brochures', name: '宣传册', measure: 'manual_count', unit: '本', targets: { total: 1000 } },
] as const;

/** Residents of the demo station a paper list can name (checkin looks them up). */
async function insertResidents(count: number): Promise<string[]> {
  const ids = people('oIndRes', 1, count);
  const now = new Date();
  await h.db.insertMany(
    'users',
    ids.map((id) => ({
      _id: id,
      name: `居民${id.slice(-3)}`,
      stationId: DEMO_STATION_ID,
      communityId: 'comm1',
      roles: ['resident'],
      consentAt: now,
      consentVersion: PRIVACY_NOTICE_VERSION,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return ids;
}

const nightly = () => fireTimer('rollups', 'recomputeTouched');

describe('the nightly roll-up', () => {
  it('rolls up the months that have records, and closes last month', async () => {
    const a = await insertActivity(h, { id: 'RollAct001', kind: 'small_event', startAt: inMonth(-2, 6) });
    await insertSignIns(h, a, people('p', 1, 15));
    const result = await nightly();
    expect(result).toMatchObject({ ok: true });
    const stored = (await h.db.dump('indicator_rollups')).map((r) => r._id).sort();
    expect(stored).toEqual(
      expect.arrayContaining([`${DEMO_STATION_ID}.${monthKey(-2)}`, `${DEMO_STATION_ID}.${monthKey(-1)}`]),
    );
    const months = new Map((await h.db.dump('indicator_rollups')).map((r) => [r._id, r]));
    expect((months.get(`${DEMO_STATION_ID}.${monthKey(-2)}`)!.sessions as unknown[]).length).toBe(1);
  });

  it('refuses to run for a caller', async () => {
    const { main } = await import('../../../cloudfunctions/rollups/src/index');
    expect(await main({ action: 'recomputeTouched' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('catches a paper list entered for a closed month, an annulment and an approval: drift until the night, none after', async () => {
    const residents = await insertResidents(12);
    const old = await insertActivity(h, {
      id: 'RollAct002',
      kind: 'small_event',
      startAt: inMonth(-2, 6),
      minutes: 60,
    });
    await insertSignIns(h, old, residents.slice(0, 10));
    const { id: contractId } = await createContract(h, [...INDICATORS] as never);
    await nightly();
    const before = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(before.freshness.find((f) => f.month === monthKey(-2))).toMatchObject({ source: 'rollup' });
    expect(before.indicators.find((r) => r.id === 'people')!.total.doneText).toBe('10');
    expect((await h.ok(SOCIAL, 'indicators', 'driftCheck', { contractId })).differing).toBe(0);

    // After the roll-up: two more from the paper list, one annulled, an hour entry approved late.
    await h.ok(SOCIAL, 'checkin', 'recordPaper', {
      activityId: old._id,
      entries: residents.slice(10, 12).map((personId) => ({ personId })),
      note: '补录纸质签到表',
    });
    await h.ok(SOCIAL, 'checkin', 'annul', { activityId: old._id, personId: residents[0]!, reason: '重复签到' });
    await insertApprovedEntry(h, { id: 'late1', volunteerId: VOLUNTEER, start: inMonth(-2, 9), minutes: 60 });

    const drift = await h.ok(ADMIN, 'indicators', 'driftCheck', { contractId });
    const month = drift.months.find((m) => m.month === monthKey(-2))!;
    expect(month.state).toBe('differs');
    expect(month.differences).toEqual(
      expect.arrayContaining([
        { indicatorId: 'people', name: '服务人次', areaId: 'area1', areaName: '第一片区', stored: '10', fresh: '11' },
        { indicatorId: 'people', name: '服务人次', areaId: null, areaName: '合计', stored: '10', fresh: '11' },
        { indicatorId: 'hours', name: '志愿服务时数', areaId: null, areaName: '合计', stored: '0.00', fresh: '1.00' },
      ]),
    );
    expect(drift.months.find((m) => m.month === monthKey(0))!.state).toBe('open');

    await nightly();
    expect((await h.ok(ADMIN, 'indicators', 'driftCheck', { contractId })).differing).toBe(0);
    const after = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(after.indicators.find((r) => r.id === 'people')!.total.doneText).toBe('11');
    expect(after.indicators.find((r) => r.id === 'hours')!.total.doneText).toBe('1.00');
  });

  it('counts this month live, as records arrive, with no roll-up written on the sign-in path', async () => {
    const { id: contractId } = await createContract(h, [...INDICATORS] as never);
    const now = await insertActivity(h, { id: 'RollAct003', kind: 'small_event', startAt: earlierThisMonth() });
    await insertSignIns(h, now, people('p', 1, 12));
    const first = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(first.indicators.find((r) => r.id === 'people')!.total.doneText).toBe('12');
    await insertSignIns(h, { ...now, _id: now._id }, people('q', 1, 3));
    const second = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(second.indicators.find((r) => r.id === 'people')!.total.doneText).toBe('15');
    expect(second.freshness.find((f) => f.month === monthKey(0))!.source).toBe('live');
    expect(await h.db.dump('indicator_rollups')).toEqual([]);
  });

  it('reads a month rolled up before it ended live, until a final roll-up exists', async () => {
    const a = await insertActivity(h, { id: 'RollAct004', kind: 'small_event', startAt: inMonth(-1, 6) });
    await insertSignIns(h, a, people('p', 1, 10));
    // A roll-up of last month computed while it was still running, missing what came later.
    await indicatorRollupsRepository.save(DEMO_STATION_ID, monthKey(-1), inMonth(-1, 7), {
      sessions: [],
      volunteerDays: [],
      serving: [],
    });
    const { id: contractId } = await createContract(h, [...INDICATORS] as never);
    const dashboard = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(dashboard.freshness.find((f) => f.month === monthKey(-1))!.source).toBe('live');
    expect(dashboard.indicators.find((r) => r.id === 'people')!.total.doneText).toBe('10');
  });

  it('never replaces a roll-up with one computed from older data', async () => {
    const newer = new Date();
    const older = new Date(newer.getTime() - 60_000);
    const facts = (n: number) => ({
      sessions: [],
      volunteerDays: [{ day: '2026-01-01', areaId: null, minutes: n, participations: 1 }],
      serving: [],
    });
    expect(await indicatorRollupsRepository.save(DEMO_STATION_ID, '2026-01', newer, facts(2))).toBe('saved');
    expect(await indicatorRollupsRepository.save(DEMO_STATION_ID, '2026-01', older, facts(1))).toBe('newer_kept');
    const [stored] = await indicatorRollupsRepository.find(DEMO_STATION_ID, ['2026-01']);
    expect(stored!.volunteerDays[0]!.minutes).toBe(2);
  });
});

describe('database requests', () => {
  /** A busy station: ~300 activities over the closed months, thousands of sign-ins, hundreds of hour entries. */
  async function busyStation(scale: number, batch: string) {
    const activities = Array.from({ length: scale }, (_, i) =>
      activityDoc({
        id: `Busy${batch}${String(i).padStart(5, '0')}`,
        kind: i % 4 === 0 ? 'large_event' : 'small_event',
        startAt: inMonth(-1 - (i % 3), 1 + (i % 27), 9 + (i % 8)),
        areaId: `area${1 + (i % 3)}`,
      }),
    );
    await h.db.insertMany('activities', activities);
    await h.db.insertMany(
      'attendance',
      activities.flatMap((a, i) => signInDocs(a, people(`b${batch}${i}x`, 1, 10 + (i % 50)))),
    );
    await h.db.insertMany(
      'hour_entries',
      activities.map((a, i) =>
        entryDoc({
          id: `busy-${batch}${i}`,
          volunteerId: VOLUNTEER,
          start: new Date(a.startAt.getTime() - 7_200_000),
          minutes: 30,
        }),
      ),
    );
    const now = await insertActivity(h, { id: `BusyNow00${batch}`, kind: 'small_event', startAt: earlierThisMonth() });
    await insertSignIns(h, now, people(`n${batch}`, 1, 10 + scale));
    await insertApprovedEntry(h, {
      id: `busy-now-${batch}`,
      volunteerId: VOLUNTEER,
      start: earlierThisMonth(),
      minutes: 20,
    });
  }

  async function dashboardRequests(contractId: string): Promise<number> {
    h.db.resetStats();
    await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    return h.db.stats().requests;
  }

  it('reads a dashboard in the same few requests whatever the size of the station', async () => {
    const { id: contractId } = await createContract(h, [...INDICATORS] as never);
    await h.ok(SOCIAL, 'indicators', 'recordCount', {
      contractId,
      indicatorId: 'brochures',
      areaId: null,
      date: inMonth(-1, 2).toISOString().slice(0, 10),
      value: 10,
      note: '派发登记',
    });
    await busyStation(3, 'a');
    await h.ok(ADMIN, 'indicators', 'recompute', { contractId });
    const small = await dashboardRequests(contractId);

    await busyStation(300, 'b');
    await h.ok(ADMIN, 'indicators', 'recompute', { contractId });
    const big = await dashboardRequests(contractId);
    // Profile, contract, station, the closed months' roll-ups (one request), this month live (4),
    // registrations, teams, manual counts, one per 服务人数 indicator.
    expect(big).toBe(small);
    expect(big).toBeLessThanOrEqual(12);
    const dashboard = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(dashboard.indicators.find((r) => r.id === 'events')!.total.doneText).toBe('305');
  }, 120_000);

  it('recomputes a station-period in a bounded number of aggregations per month', async () => {
    const { id: contractId } = await createContract(h, [...INDICATORS] as never);
    await busyStation(60, 'c');
    h.db.resetStats();
    const { months } = await h.ok(ADMIN, 'indicators', 'recompute', { contractId });
    const { requests } = h.db.stats();
    expect(months.map((m) => m.month)).toEqual([monthKey(-3), monthKey(-2), monthKey(-1), monthKey(0)]);
    // Per month: activities, attendance, hour entries, volunteers' communities, the write (with
    // its insert on a first save); plus profile, contract and station.
    expect(requests).toBeLessThanOrEqual(3 + months.length * 6);
  }, 60_000);
});

describe('recompute', () => {
  it('takes a station-period by months, bounded, for staff only', async () => {
    const res = await h.ok(SOCIAL2, 'indicators', 'recompute', { fromMonth: monthKey(-2), toMonth: monthKey(0) });
    expect(res.months.map((m) => m.month)).toEqual([monthKey(-2), monthKey(-1), monthKey(0)]);
    expect((await h.call(ADMIN, 'indicators', 'recompute', { fromMonth: '2020-01', toMonth: '2024-01' })).ok).toBe(
      false,
    );
    expect((await h.call(ADMIN, 'indicators', 'recompute', { fromMonth: monthKey(0), toMonth: monthKey(-1) })).ok).toBe(
      false,
    );
    expect(
      await h.errorCode('oDemoResident01', 'indicators', 'recompute', {
        fromMonth: monthKey(-1),
        toMonth: monthKey(0),
      }),
    ).toBe('FORBIDDEN');
    // Only the caller's station is touched.
    const ids = (
      await db
        .collection('indicator_rollups')
        .where({ _id: _.exists(true) })
        .limit(100)
        .get()
    ).data.map((d) => (d as { _id: string })._id);
    expect(ids.every((id) => id.startsWith(`${DEMO_STATION_ID}.`))).toBe(true);
  });
});

describe('an activity moved to another 片区 after people signed in', () => {
  it('counts its people in the 片区 it is in now, 服务人次 and 服务人数 alike', async () => {
    const moved = await insertActivity(h, {
      id: 'MovedAct01',
      kind: 'small_event',
      startAt: inMonth(-1, 9),
      areaId: 'area3',
      communityId: 'comm5',
    });
    // The records still carry the 片区 it had when they signed in.
    await h.db.insertMany('attendance', signInDocs({ ...moved, areaId: 'area1' }, people('m', 1, 12)));
    const stays = await insertActivity(h, {
      id: 'StaysAct01',
      kind: 'small_event',
      startAt: inMonth(-1, 10),
      areaId: 'area1',
    });
    await insertSignIns(h, stays, people('m', 1, 10));
    const { id: contractId } = await createContract(h, [...INDICATORS] as never);
    const rows = (await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId })).indicators;
    const cells = (id: string) => {
      const r = rows.find((x) => x.id === id)!;
      return [...r.cells, r.total].map((c) => c.doneText);
    };
    expect(cells('people')).toEqual(['10', '0', '12', '22']);
    expect(cells('persons')).toEqual(['10', '0', '12', '12']);
  });
});
