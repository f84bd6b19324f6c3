import { db, _ } from '../cloudfunctions/_shared/runtime/cloud';
import { DEMO_STATION_ID } from '../local/demo/seed';
import { startFunctionHarness, type FunctionHarness } from '../test/support/functions';
import { clearDemoAttendance, monthStart } from '../test/functions/indicators/support';
import { round } from './runtime-client';
import type { BenchResult } from './run';

/**
 * The indicator roll-up at a station-year's size (issues 6 and 8): 1,000,000 sign-ins and 200,000
 * approved volunteer hour entries in the in-process local database behind the real SDK, a contract
 * made from a template over those twelve months, then (a) a dashboard read, (b) a full recompute
 * of the station-year and (c) the naive way — every raw record read 100 at a time (the SDK's page
 * limit) and summed in JS. The three must give the same numbers, or the figures mean nothing.
 */

/** BENCH_INDICATOR_SCALE (default 1) shrinks the station-year for a quick try. */
const SCALE = Number(process.env.BENCH_INDICATOR_SCALE ?? 1);
const ACTIVITIES = Math.round(2000 * SCALE);
const SIGN_INS_PER_ACTIVITY = 500;
const RESIDENT_POOL = 20_000;
const VOLUNTEERS = Math.round(500 * SCALE);
const ENTRIES_PER_VOLUNTEER = 400;
const PAGE = 100;
const BATCH = 50_000;
/** Budgets (docs/performance.md): requests of a dashboard read, and of a recompute per month. */
export const DASHBOARD_REQUESTS_BUDGET = 10;
export const RECOMPUTE_REQUESTS_PER_MONTH_BUDGET = 8;
/**
 * The naive run pages through the records of this first share of the year (0.2%: the first
 * 17 hours or so — a few events and the hour entries of those days) and is extrapolated
 * linearly by records read: every page is one request of 100. Reading it all is out of reach on
 * the local engine (it filters and sorts in memory, seconds per page at this size: 12,000 pages
 * would take hours). BENCH_NAIVE_FRACTION=1 reads everything.
 */
const NAIVE_FRACTION = Number(process.env.BENCH_NAIVE_FRACTION ?? 0.002);

/** mulberry32: small, seeded, the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMUNITIES = [
  { id: 'comm1', areaId: 'area1' },
  { id: 'comm2', areaId: 'area1' },
  { id: 'comm3', areaId: 'area2' },
  { id: 'comm4', areaId: 'area2' },
  { id: 'comm5', areaId: 'area3' },
  { id: 'comm6', areaId: 'area3' },
];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What the generator wrote, added up as it wrote it: the right answers, over the year and before `cut`. */
interface Truth {
  attendances: number;
  activitiesHeld: number;
  minutes: number;
}

interface Generated {
  from: Date;
  to: Date;
  cut: Date;
  months: number;
  attendance: number;
  entries: number;
  year: Truth;
  beforeCut: Truth;
}

/** Twelve closed months ending last month, China time: what the contract covers. */
async function generate(h: FunctionHarness, fraction: number): Promise<Generated> {
  const random = prng(20241124);
  const from = monthStart(-12).toDate();
  const to = monthStart(0).toDate();
  const span = to.getTime() - from.getTime();
  const cut = new Date(from.getTime() + Math.round(span * Math.min(1, fraction)));
  const now = new Date();
  const year: Truth = { attendances: 0, activitiesHeld: 0, minutes: 0 };
  const beforeCut: Truth = { attendances: 0, activitiesHeld: 0, minutes: 0 };
  const tally = (at: Date, add: (t: Truth) => void) => {
    add(year);
    if (at < cut) add(beforeCut);
  };

  const activities: Record<string, unknown>[] = [];
  let attendance: Record<string, unknown>[] = [];
  let attendanceCount = 0;
  for (let i = 0; i < ACTIVITIES; i++) {
    // Spread evenly over the year (slot i), at 9–16 o'clock China time on that day.
    const day = Math.floor((i * span) / ACTIVITIES / DAY) * DAY;
    const startAt = new Date(from.getTime() + day + (1 + Math.floor(random() * 8)) * 60 * MINUTE);
    const endAt = new Date(startAt.getTime() + 90 * MINUTE);
    const community = COMMUNITIES[Math.floor(random() * COMMUNITIES.length)]!;
    const id = `BenchA${String(i).padStart(4, '0')}`;
    activities.push({
      _id: id,
      stationId: DEMO_STATION_ID,
      title: `社区大型活动${i}`,
      description: '',
      kind: 'large_event',
      serviceArea: 'community',
      areaId: community.areaId,
      communityId: community.id,
      place: '社区广场',
      startAt,
      endAt,
      sessions: [{ startAt, endAt }],
      capacity: 1000,
      seatsTaken: 0,
      waitlisted: 0,
      bookingOpensAt: new Date(startAt.getTime() - 7 * DAY),
      bookingClosesAt: startAt,
      audience: 'everyone',
      invited: [],
      volunteerRoles: [],
      status: 'published',
      createdBy: 'oDemoSocial0001',
      createdAt: now,
      updatedAt: now,
    });
    const first = Math.floor(random() * RESIDENT_POOL);
    let valid = 0;
    for (let j = 0; j < SIGN_INS_PER_ACTIVITY; j++) {
      const personId = `oBenchRes${String((first + j) % RESIDENT_POOL).padStart(5, '0')}`;
      // A household party now and then; about 2% annulled (误签), which no count may include.
      const headcount = random() < 0.1 ? 2 + Math.floor(random() * 3) : 1;
      const annulled = random() < 0.02;
      if (!annulled) valid += headcount;
      attendance.push({
        _id: `${id}.${personId}`,
        activityId: id,
        stationId: DEMO_STATION_ID,
        areaId: community.areaId,
        kind: 'large_event',
        activityStartAt: startAt,
        personId,
        personName: `居民${personId.slice(-5)}`,
        communityId: community.id,
        headcount,
        signedInAt: new Date(startAt.getTime() + j * 1000),
        method: 'scan',
        recordedBy: personId,
        ...(annulled ? { annulled: { by: 'oDemoSocial0001', at: startAt, reason: '误签' } } : {}),
        history: [],
        updatedAt: startAt,
      });
    }
    // 开展场次 and 服务人次 of the template's large events count an event of 50 or more.
    if (valid >= 50) {
      tally(startAt, (t) => {
        t.attendances += valid;
        t.activitiesHeld++;
      });
    }
    if (attendance.length >= BATCH) {
      attendanceCount += attendance.length;
      await h.db.insertMany('attendance', attendance);
      attendance = [];
    }
  }
  attendanceCount += attendance.length;
  if (attendance.length > 0) await h.db.insertMany('attendance', attendance);
  await h.db.insertMany('activities', activities);

  const volunteers: Record<string, unknown>[] = [];
  let entries: Record<string, unknown>[] = [];
  let entryCount = 0;
  for (let v = 0; v < VOLUNTEERS; v++) {
    const id = `BenchV${String(v).padStart(4, '0')}`;
    const community = COMMUNITIES[v % COMMUNITIES.length]!;
    const approvedAt = new Date(from.getTime() - 30 * DAY);
    volunteers.push({
      _id: id,
      stationId: DEMO_STATION_ID,
      realName: `志愿者${v}`,
      phone: '13900000099',
      communityId: community.id,
      skills: [],
      availability: '',
      emergencyContact: { name: '家属', phone: '13900000098' },
      consentAt: approvedAt,
      status: 'approved',
      appliedAt: approvedAt,
      reviewedBy: 'oDemoSocial0001',
      reviewedAt: approvedAt,
      approvedAt,
      core: false,
      updatedAt: approvedAt,
    });
    for (let k = 0; k < ENTRIES_PER_VOLUNTEER; k++) {
      // One entry per half-day slot of the volunteer (morning or afternoon): no two overlap, so
      // the overlap rule (overlapping minutes count once) leaves the plain sum as the answer.
      const day = Math.floor((k / ENTRIES_PER_VOLUNTEER) * (span / DAY));
      const start = new Date(from.getTime() + day * DAY + (k % 2 === 0 ? 1 : 6) * 60 * MINUTE);
      const minutes = 30 * (1 + Math.floor(random() * 6));
      const end = new Date(start.getTime() + minutes * MINUTE);
      tally(start, (t) => (t.minutes += minutes));
      const entryId = `BenchH${String(v).padStart(4, '0')}${String(k).padStart(3, '0')}`;
      entries.push({
        _id: entryId,
        rootId: entryId,
        version: 1,
        stationId: DEMO_STATION_ID,
        volunteerId: id,
        source: 'manual',
        minutes,
        interval: { start, end },
        servedAt: start,
        status: 'approved',
        createdBy: 'oDemoSocial0001',
        approvals: [{ by: 'oDemoSocial0002', at: end }],
        history: [],
        content: '入户探访',
        createdAt: end,
        updatedAt: end,
      });
    }
    if (entries.length >= BATCH) {
      entryCount += entries.length;
      await h.db.insertMany('hour_entries', entries);
      entries = [];
    }
  }
  entryCount += entries.length;
  if (entries.length > 0) await h.db.insertMany('hour_entries', entries);
  await h.db.insertMany('volunteers', volunteers);
  return { from, to, cut, months: 12, attendance: attendanceCount, entries: entryCount, year, beforeCut };
}

interface NaiveTotals {
  attendances: number;
  activitiesHeld: number;
  minutes: number;
  pages: number;
  records: number;
}

/**
 * The naive way: page through the raw records of [from, to) by _id, 100 at a time, and add up in
 * JS — 服务人次 and 开展场次 (≥50 valid sign-ins) of the large events, and volunteer minutes.
 */
async function naiveSums(from: Date, to: Date): Promise<NaiveTotals> {
  const totals = { attendances: 0, activitiesHeld: 0, minutes: 0, pages: 0, records: 0 };
  const perActivity = new Map<string, number>();
  let last = '';
  for (;;) {
    const { data } = (await db
      .collection('attendance')
      .where({ stationId: DEMO_STATION_ID, activityStartAt: _.gte(from).and(_.lt(to)), _id: _.gt(last) })
      .field({ activityId: true, headcount: true, annulled: true, kind: true })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()) as { data: { _id: string; activityId: string; headcount: number; annulled?: unknown; kind: string }[] };
    totals.pages++;
    totals.records += data.length;
    for (const r of data) {
      if (r.annulled || r.kind !== 'large_event') continue;
      perActivity.set(r.activityId, (perActivity.get(r.activityId) ?? 0) + r.headcount);
    }
    if (data.length < PAGE) break;
    last = data.at(-1)!._id;
  }
  for (const n of perActivity.values()) {
    if (n >= 50) {
      totals.attendances += n;
      totals.activitiesHeld++;
    }
  }
  last = '';
  for (;;) {
    const { data } = (await db
      .collection('hour_entries')
      .where({ stationId: DEMO_STATION_ID, status: 'approved', servedAt: _.gte(from).and(_.lt(to)), _id: _.gt(last) })
      .field({ minutes: true })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()) as { data: { _id: string; minutes: number }[] };
    totals.pages++;
    totals.records += data.length;
    for (const e of data) totals.minutes += e.minutes;
    if (data.length < PAGE) break;
    last = data.at(-1)!._id;
  }
  return totals;
}

const total = (
  dashboard: { indicators: { id: string; total: { done: number | null; doneText: string } }[] },
  id: string,
) => {
  const row = dashboard.indicators.find((r) => r.id === id);
  if (!row) throw new Error(`the template has no indicator ${id}`);
  return row.total;
};

export async function benchIndicatorRollup(): Promise<BenchResult> {
  const h = await startFunctionHarness();
  try {
    await clearDemoAttendance();
    const generatedStarted = performance.now();
    const gen = await generate(h, NAIVE_FRACTION);
    const generateSeconds = (performance.now() - generatedStarted) / 1000;
    // Inserting straight into the engine keeps the SDK's pooled connection idle long enough for the
    // server to close it; the first request after that may meet the reset. Take it here, untimed.
    await db
      .collection('activities')
      .limit(1)
      .get()
      .catch(() => undefined);
    await db.collection('activities').limit(1).get();
    const periodStart = monthStart(-12).format('YYYY-MM-DD');
    const periodEnd = monthStart(-1).endOf('month').format('YYYY-MM-DD');
    const contract = await h.ok('oDemoAdmin0001', 'indicators', 'createFromTemplate', {
      templateId: 'seed000-xingtan',
      name: '兴坛街社工服务站（性能测试）',
      periodStart,
      periodEnd,
      areaMap: {},
    });

    // (b) the full recompute of the station-year: every month from its aggregations.
    h.db.resetStats();
    let started = performance.now();
    const recomputed = await h.ok('oDemoSocial0001', 'indicators', 'recompute', { contractId: contract.id });
    const recomputeMs = performance.now() - started;
    const recomputeRequests = h.db.stats().requests;

    // (a) a dashboard read, every closed month from its roll-up.
    h.db.resetStats();
    started = performance.now();
    const dashboard = await h.ok('oDemoSocial0001', 'indicators', 'dashboard', { contractId: contract.id });
    const dashboardMs = performance.now() - started;
    const dashboardRequests = h.db.stats().requests;
    const sources = new Set(dashboard.freshness.map((f) => f.source));

    // (c) the naive page-by-page sum over the first NAIVE_FRACTION of the year, extrapolated
    // linearly to the whole by records read (each page is one request of 100).
    h.db.resetStats();
    started = performance.now();
    const part = await naiveSums(gen.from, gen.cut);
    const naivePartMs = performance.now() - started;
    const naivePartRequests = h.db.stats().requests;
    const scale = gen.cut >= gen.to ? 1 : (gen.attendance + gen.entries) / Math.max(1, part.records);

    // The numbers must agree: the dashboard with what the generator wrote over the year, the
    // naive sum with it over the part it read, and the stored roll-ups with the dashboard.
    const linli = {
      attendances: total(dashboard, 'wsld-large-event-people').done,
      activitiesHeld: total(dashboard, 'wsld-large-events').done,
      minutes: Math.round((total(dashboard, 'vol-hours').done ?? -1) * 60),
    };
    const stored = { attendances: 0, activitiesHeld: 0, minutes: 0 };
    for (const r of await h.db.dump('indicator_rollups')) {
      if (r.stationId !== DEMO_STATION_ID) continue;
      for (const s of r.sessions as { headcount: number }[]) {
        if (s.headcount < 50) continue;
        stored.attendances += s.headcount;
        stored.activitiesHeld++;
      }
      for (const d of r.volunteerDays as { minutes: number }[]) stored.minutes += d.minutes;
    }
    const same = (a: Truth, b: Truth) =>
      a.attendances === b.attendances && a.activitiesHeld === b.activitiesHeld && a.minutes === b.minutes;
    const text = (t: Truth) => `服务人次 ${t.attendances}, 开展场次 ${t.activitiesHeld}, 志愿服务 ${t.minutes} 分钟`;
    const checks = [
      {
        what: 'dashboard = generated (year)',
        ok: same(linli as Truth, gen.year),
        got: text(linli as Truth),
        want: text(gen.year),
      },
      { what: 'roll-ups = generated (year)', ok: same(stored, gen.year), got: text(stored), want: text(gen.year) },
      {
        what: 'naive = generated (part read)',
        ok: same(part, gen.beforeCut),
        got: text(part),
        want: text(gen.beforeCut),
      },
    ];
    for (const c of checks)
      console.log(`indicators: ${c.ok ? 'agree' : 'DIFFER'} — ${c.what}: ${c.got} (expected ${c.want})`);
    const agree = checks.every((c) => c.ok);
    if (!agree) throw new Error('the benchmark computed a wrong number: see the lines above');
    const comparison = checks.map((c) => `${c.what}: ${c.got}`).join('; ');

    const naiveMs = naivePartMs * scale;
    const naiveRequests = Math.round(naivePartRequests * scale);
    return {
      name: `Indicator roll-up: a station-year, ${gen.attendance} sign-ins, ${gen.entries} hour entries, ${ACTIVITIES} activities, ${VOLUNTEERS} volunteers`,
      rows: [
        {
          variant: 'dashboard read (roll-ups)',
          dbRequests: dashboardRequests,
          budget: DASHBOARD_REQUESTS_BUDGET,
          ms: round(dashboardMs),
          vsNaiveRequests: round(naiveRequests / dashboardRequests),
          vsNaiveTime: round(naiveMs / dashboardMs),
          correct: agree,
        },
        {
          variant: `full recompute (${recomputed.months.length} months)`,
          dbRequests: recomputeRequests,
          budget: RECOMPUTE_REQUESTS_PER_MONTH_BUDGET * gen.months + DASHBOARD_REQUESTS_BUDGET,
          ms: round(recomputeMs),
          vsNaiveRequests: round(naiveRequests / recomputeRequests),
          vsNaiveTime: round(naiveMs / recomputeMs),
          correct: agree,
        },
        {
          variant: `naive page-by-page (${PAGE}/page)${scale === 1 ? '' : ', extrapolated'}`,
          dbRequests: naiveRequests,
          budget: '',
          ms: round(naiveMs),
          vsNaiveRequests: 1,
          vsNaiveTime: 1,
          correct: agree,
        },
      ],
      notes: [
        `numbers agree: ${comparison}`,
        `dashboard read the months from: ${[...sources].join(', ')}`,
        scale === 1
          ? 'naive run timed over every record'
          : `naive run timed over the first ${round(NAIVE_FRACTION * 100)}% of the year (${part.records} records, ${naivePartRequests} requests, ${round(naivePartMs)} ms) and extrapolated linearly ×${round(scale, 2)} to all ${gen.attendance + gen.entries} records; its sums were checked against the generator's over that part`,
        `generated (seeded PRNG) and inserted in ${round(generateSeconds)} s; in-process local database in memory, requests over the SDK's HTTP protocol`,
      ],
    };
  } finally {
    await h.close();
  }
}
