import type { IndicatorRow } from '@linli/types/entities/indicator-report';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { OTHER_STATION_ID } from '../../../local/demo/seed';
import {
  ADMIN,
  clearDemoAttendance,
  complaintDoc,
  confirmedWishDoc,
  createContract,
  earlierThisMonth,
  inMonth,
  insertActivity,
  insertApprovedEntry,
  insertSignIns,
  insertVolunteer,
  monthKey,
  people,
  SOCIAL,
  surveyResponseDocs,
  VOLUNTEER,
} from './support';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
  await seedStation(h);
});
afterAll(async () => {
  await h.close();
});

/**
 * Three closed months and this one, in the demo station's three 片区 (area1–3), plus noise that
 * must not count: another station's activity, a pending hour entry, a lecture too small to count.
 */
async function seedStation(h: FunctionHarness) {
  await clearDemoAttendance();
  // M-3: a "large" event that drew 60 (large), another that drew 30 (counts as small/medium).
  const big = await insertActivity(h, {
    id: 'IndLarge01',
    kind: 'large_event',
    startAt: inMonth(-3, 10),
    areaId: 'area1',
  });
  await insertSignIns(h, big, people('p', 1, 60));
  const weak = await insertActivity(h, {
    id: 'IndLarge02',
    kind: 'large_event',
    startAt: inMonth(-3, 12),
    areaId: 'area2',
    communityId: 'comm3',
  });
  await insertSignIns(h, weak, people('p', 1, 30));
  // M-2: a small event, 14 signed in, 2 of them annulled; a lecture of 20 (short of 30).
  const small = await insertActivity(h, {
    id: 'IndSmall01',
    kind: 'small_event',
    startAt: inMonth(-2, 5),
    areaId: 'area1',
  });
  await insertSignIns(h, small, people('p', 50, 63), { annulled: ['p062', 'p063'] });
  // Its satisfaction forms: 5 of 6 rated satisfied (4 or 5), one skipped the overall question.
  await h.db.insertMany('survey_responses', surveyResponseDocs(small, [5, 4, 4, 5, 5, 3, null]));
  const lecture = await insertActivity(h, {
    id: 'IndLectu01',
    kind: 'lecture',
    startAt: inMonth(-2, 20),
    areaId: 'area3',
    communityId: 'comm5',
  });
  await insertSignIns(h, lecture, people('p', 300, 319));
  // M-1: a 小组 of three sessions: 5, then 4, then nobody.
  const group = await insertActivity(h, {
    id: 'IndGroup01',
    kind: 'group_session',
    startAt: inMonth(-1, 3, 14),
    sessionStarts: [inMonth(-1, 3, 14), inMonth(-1, 10, 14), inMonth(-1, 17, 14)],
    minutes: 120,
    areaId: 'area1',
  });
  await insertSignIns(h, group, people('p', 100, 104), { session: 1 });
  await insertSignIns(h, group, people('p', 100, 103), { session: 2 });
  // This month: a small event of 25 people in area3 — one household of 3 and 22 others.
  const now = await insertActivity(h, {
    id: 'IndNow0001',
    kind: 'small_event',
    startAt: earlierThisMonth(),
    areaId: 'area3',
    communityId: 'comm5',
  });
  await insertSignIns(h, now, [{ personId: 'p200', headcount: 3 }, ...people('p', 201, 222)]);
  // Another station: never ours.
  const elsewhere = await insertActivity(h, {
    id: 'IndOther01',
    kind: 'large_event',
    startAt: inMonth(-3, 10),
    stationId: OTHER_STATION_ID,
  });
  await insertSignIns(h, elsewhere, people('p', 1, 80));

  // Volunteers: 赵志愿 (扬仁社区, area1) served 90 minutes in M-2 and twice, overlapping, in M-1;
  // a volunteer of 华林社区 (area3), approved in M-1, served 45 minutes this month.
  await insertApprovedEntry(h, { id: 'ie1', volunteerId: VOLUNTEER, start: inMonth(-2, 8), minutes: 90 });
  await insertApprovedEntry(h, { id: 'ie2', volunteerId: VOLUNTEER, start: inMonth(-1, 4, 10), minutes: 120 });
  await insertApprovedEntry(h, { id: 'ie3', volunteerId: VOLUNTEER, start: inMonth(-1, 4, 11), minutes: 120 });
  await insertApprovedEntry(h, {
    id: 'ie4',
    volunteerId: VOLUNTEER,
    start: inMonth(-1, 6),
    minutes: 600,
    status: 'pending',
  });
  await insertVolunteer(h, 'oVolArea3001', 'comm5', inMonth(-1, 2));
  await insertApprovedEntry(h, { id: 'ie5', volunteerId: 'oVolArea3001', start: earlierThisMonth(), minutes: 45 });
  await insertApprovedEntry(h, {
    id: 'ie6',
    volunteerId: 'oOtherVol01',
    start: inMonth(-1, 4),
    minutes: 300,
    stationId: OTHER_STATION_ID,
  });
  // Wishes confirmed (two in area2, one without a 片区) and complaints: answered in 30 hours, in
  // 60 hours, and one of last month never answered (overdue: judged late).
  await h.db.insertMany('wishes', [
    confirmedWishDoc('w1', 'area2', inMonth(-2, 3)),
    confirmedWishDoc('w2', 'area2', inMonth(-1, 3)),
    confirmedWishDoc('w3', null, inMonth(-1, 4)),
  ]);
  await h.db.insertMany('complaints', [
    complaintDoc('c1', inMonth(-3, 2), 30),
    complaintDoc('c2', inMonth(-2, 2), 60),
    complaintDoc('c3', inMonth(-1, 2), null),
  ]);
}

const INDICATORS = [
  {
    id: 'large',
    section: '大型社区活动',
    name: '开展场次',
    measure: 'activities_held',
    unit: '场',
    filter: { kinds: ['large_event'] },
    targets: { byArea: { area1: 2, area2: 3, area3: 3 }, total: 8 },
  },
  {
    id: 'large-people',
    name: '大型活动服务人次',
    measure: 'attendances',
    unit: '人次',
    filter: { kinds: ['large_event'] },
    targets: { byArea: { area1: 200 } },
  },
  {
    id: 'small',
    name: '中小型活动场次',
    measure: 'activities_held',
    unit: '场',
    filter: { kinds: ['small_event'], attendanceMin: 10, attendanceMax: 50 },
    targets: { total: 30 },
  },
  {
    id: 'small-people',
    name: '中小型活动人次',
    measure: 'attendances',
    unit: '人次',
    filter: { kinds: ['small_event'] },
    targets: { total: 900 },
  },
  {
    id: 'lectures',
    name: '讲座场次',
    measure: 'activities_held',
    unit: '场',
    filter: { kinds: ['lecture'] },
    targets: { total: 4 },
  },
  { id: 'group-sessions', name: '小组节数', measure: 'sessions_held', unit: '节', targets: { byArea: { area1: 5 } } },
  { id: 'groups', name: '小组个数', measure: 'groups_held', unit: '个', targets: { byArea: { area1: 1 } } },
  {
    id: 'group-people',
    name: '小组服务人次',
    measure: 'attendances',
    unit: '人次',
    filter: { kinds: ['group_session'] },
    targets: { total: 10 },
  },
  { id: 'all-people', name: '服务人次', measure: 'attendances', unit: '人次', targets: { total: 6 } },
  { id: 'people', name: '服务人数', measure: 'distinct_people', unit: '人', targets: { total: 300 } },
  {
    id: 'small-persons',
    name: '中小型活动服务人数',
    measure: 'distinct_people',
    unit: '人',
    filter: { kinds: ['small_event'] },
    targets: { total: 100 },
  },
  { id: 'hours', name: '志愿服务时数', measure: 'volunteer_hours', unit: '小时', targets: { total: 2000 } },
  {
    id: 'participations',
    name: '志愿服务人次',
    measure: 'volunteer_participations',
    unit: '人次',
    targets: { total: 3 },
  },
  { id: 'new-volunteers', name: '新增志愿者', measure: 'new_volunteers', unit: '人', targets: { total: 70 } },
  { id: 'teams', name: '志愿者团队维系', measure: 'active_teams', unit: '个', targets: { total: 6 } },
  { id: 'satisfaction', name: '满意度', measure: 'satisfaction_rate', unit: '%', targets: { total: 80 } },
  { id: 'visits', name: '入户探访（配备达标）', measure: 'home_visits_staffed', unit: '次', targets: { total: 50 } },
  {
    id: 'wishes',
    name: '点亮微心愿',
    measure: 'wishes_fulfilled',
    unit: '个',
    targets: { byArea: { area2: 4 }, total: 10 },
  },
  {
    id: 'complaints',
    name: '意见处理及时率',
    measure: 'complaints_answered_in_time_rate',
    unit: '%',
    targets: { total: 90 },
  },
] as const;

const row = (rows: IndicatorRow[], id: string) => rows.find((r) => r.id === id)!;
/** [area1, area2, area3, 合计] as shown. */
const done = (r: IndicatorRow) => [...r.cells, r.total].map((c) => c.doneText);
const completion = (r: IndicatorRow) => [...r.cells, r.total].map((c) => c.completion);

describe('the dashboard of a seeded station, cell by cell', () => {
  let rows: IndicatorRow[];
  let contractId: string;
  beforeAll(async () => {
    contractId = (await createContract(h, [...INDICATORS] as never)).id;
    rows = (await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId })).indicators;
  });

  it('counts activities as their attendance qualifies them, per 片区 and in total', () => {
    expect(done(row(rows, 'large'))).toEqual(['1', '0', '0', '1']);
    expect(completion(row(rows, 'large'))).toEqual(['50.00%', '0.00%', '0.00%', '12.50%']);
    expect(row(rows, 'large').cells.map((c) => c.areaName)).toEqual(['第一片区', '第二片区', '第三片区']);
    expect(row(rows, 'large').total.areaName).toBe('合计');
    expect(done(row(rows, 'large-people'))).toEqual(['60', '0', '0', '60']);
    expect(completion(row(rows, 'large-people'))).toEqual(['30.00%', null, null, '30.00%']);
    // The "large" event of 30 counts as small/medium; this month's 25 counts live.
    expect(done(row(rows, 'small'))).toEqual(['1', '1', '1', '3']);
    expect(row(rows, 'small').total.completion).toBe('10.00%');
    expect(done(row(rows, 'small-people'))).toEqual(['12', '30', '25', '67']);
    expect(done(row(rows, 'lectures'))).toEqual(['0', '0', '0', '0']);
  });

  it('counts a 小组 per session, per group, and its person-times over sessions', () => {
    expect(done(row(rows, 'group-sessions'))).toEqual(['2', '0', '0', '2']);
    expect(completion(row(rows, 'group-sessions'))[0]).toBe('40.00%');
    expect(done(row(rows, 'groups'))).toEqual(['1', '0', '0', '1']);
    expect(row(rows, 'groups').cells[0]).toMatchObject({ completion: '100.00%', status: 'done', statusText: '已完成' });
    expect(done(row(rows, 'group-people'))).toEqual(['9', '0', '0', '9']);
  });

  it('counts 服务人次 over valid sign-ins only, and 服务人数 once per person', () => {
    // 60 + 30 + 12 + 9 + 25: the lecture and the annulled sign-ins left out.
    expect(done(row(rows, 'all-people'))).toEqual(['81', '30', '25', '136']);
    expect(row(rows, 'all-people').total.completion).toBe('2266.67%');
    // area1: p001–p060, p050–p061, p100–p104 = 66; area2: p001–p030; area3: a household of 3 + 22.
    // 合计: p001–p030 came to both 片区 and count once: 66 + 25 = 91.
    expect(done(row(rows, 'people'))).toEqual(['66', '30', '25', '91']);
    expect(row(rows, 'people').total.completion).toBe('30.33%');
    // Only the activities counted as small/medium: the "large" 30 (p001–p030), the 12 valid of
    // p050–p063, this month's household of 3 and 22.
    expect(done(row(rows, 'small-persons'))).toEqual(['12', '30', '25', '67']);
  });

  it('counts approved volunteer hours once where they overlap, per 片区 of the volunteer', () => {
    // 赵志愿: 90 + (10:00–13:00 = 180) minutes = 4.50; area3's volunteer 0.75.
    expect(done(row(rows, 'hours'))).toEqual(['4.50', '0.00', '0.75', '5.25']);
    expect(row(rows, 'hours').total.completion).toBe('0.26%');
    expect(done(row(rows, 'participations'))).toEqual(['3', '0', '1', '4']);
    expect(row(rows, 'participations').total).toMatchObject({ completion: '133.33%', status: 'done' });
    // 赵志愿 (approved 29 days ago, demo) and the area3 volunteer.
    expect(done(row(rows, 'new-volunteers'))).toEqual(['1', '0', '1', '2']);
  });

  it('shows teams station-wide only', () => {
    const teams = row(rows, 'teams');
    // The demo team 岭南长者关爱队 has 赵志愿, who served.
    expect(teams.total.doneText).toBe('1');
    expect(teams.cells.every((c) => c.status === 'unavailable' && c.done === null)).toBe(true);
    expect(teams.cells[0]!.statusText).toBe('志愿服务队属于全站，不分片区统计');
  });

  it('counts staffed home visits from the visit teams: none held here (test/functions/visits has them)', () => {
    const r = row(rows, 'visits');
    expect(r.source).toMatchObject({ available: true, message: null, label: '入户探访人员配备' });
    expect(done(r)).toEqual(['0', '0', '0', '0']);
  });

  it('reads 满意度 from the satisfaction forms; 暂无数据 where nobody answered', () => {
    const satisfaction = row(rows, 'satisfaction');
    expect(satisfaction.source.available).toBe(true);
    expect(satisfaction.total).toMatchObject({
      done: 83.33,
      doneText: '83.33%',
      completion: '104.16%',
      status: 'met',
      statusText: '达标',
    });
    expect(satisfaction.cells[0]).toMatchObject({ doneText: '83.33%' });
    expect(satisfaction.cells[1]).toMatchObject({ done: null, doneText: '暂无数据', status: 'no_data' });
  });

  it('counts wishes confirmed and complaints answered within 2 days, from their own functions', () => {
    expect(done(row(rows, 'wishes'))).toEqual(['0', '2', '0', '3']);
    expect(row(rows, 'wishes').cells[1]!.completion).toBe('50.00%');
    const complaints = row(rows, 'complaints');
    expect(complaints.total).toMatchObject({
      doneText: '33.33%',
      completion: '37.03%', // 33.33 ÷ 90, from the rate as shown
      status: 'below',
      statusText: '未达标',
    });
    expect(complaints.cells.every((c) => c.status === 'unavailable')).toBe(true);
  });

  it('labels everything a page or an export prints', async () => {
    const dashboard = await h.ok(ADMIN, 'indicators', 'dashboard', { contractId });
    expect(dashboard.areas.map((a) => a.id)).toEqual(['area1', 'area2', 'area3']);
    expect(dashboard.elapsed.text).toMatch(/^已过 \d+ \/ \d+ 天（\d+\.\d\d%）$/);
    expect(dashboard.settingsText).toContain('大型社区活动：50人以上');
    const large = row(dashboard.indicators, 'large');
    expect(large).toMatchObject({
      measureLabel: '开展场次',
      unit: '场',
      section: '大型社区活动',
      filterText: '活动类型（按实际签到认定）：大型社区活动',
    });
    expect(large.total.statusText).toMatch(/进度正常|落后于时间进度/);
    expect(large.total.expectedByNow).toMatch(/^\d+\.\d\d$/);
    // Before any roll-up, every begun month is read live; next month is upcoming.
    expect(dashboard.freshness.map((f) => [f.month, f.source])).toEqual([
      [monthKey(-3), 'live'],
      [monthKey(-2), 'live'],
      [monthKey(-1), 'live'],
      [monthKey(0), 'live'],
      [monthKey(1), 'upcoming'],
    ]);
  });

  it('gives the same table from the roll-ups once the closed months are rolled up', async () => {
    await h.ok(ADMIN, 'indicators', 'recompute', { contractId });
    const dashboard = await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId });
    expect(dashboard.freshness.map((f) => f.source)).toEqual(['rollup', 'rollup', 'rollup', 'live', 'upcoming']);
    expect(dashboard.indicators.map((r) => [r.id, done(r), completion(r)])).toEqual(
      rows.map((r) => [r.id, done(r), completion(r)]),
    );
  });
});

describe('the records behind a cell', () => {
  let contractId: string;
  beforeAll(async () => {
    contractId = (await createContract(h, [...INDICATORS] as never)).id;
  });
  const drill = (indicatorId: string, areaId: string | null, more: object = {}) =>
    h.ok(SOCIAL, 'indicators', 'drillDown', { contractId, indicatorId, areaId, ...more });

  it('lists every session, counted or not, with the sentence that says why', async () => {
    const large = await drill('large', null);
    if (large.kind !== 'sessions') throw new Error(large.kind);
    expect(large.counted).toBe(1);
    const byId = new Map(large.items.map((i) => [i.activityId, i]));
    expect(byId.get('IndLarge01')).toMatchObject({
      included: true,
      countsAs: 'large_event',
      countsAsLabel: '大型社区活动',
      headcount: 60,
      areaName: '第一片区',
      reason: '计划为大型社区活动，实际签到60人，达到50人，按大型社区活动计',
    });
    expect(byId.get('IndLarge02')).toMatchObject({
      included: false,
      plannedKindLabel: '大型社区活动',
      countsAsLabel: '中小型社区活动',
      reason: '按中小型社区活动计，不属于本指标的活动类型（大型社区活动）',
    });
    expect(byId.get('IndLectu01')).toMatchObject({
      included: false,
      countsAs: null,
      reason: '计划为讲座，实际签到20人、时长90分钟，人数未达30人，不按讲座计入',
    });
    expect(byId.get('IndSmall01')).toMatchObject({ headcount: 12, annulled: 2 });
    expect(byId.has('IndOther01')).toBe(false);

    const small2 = await drill('small', 'area2');
    expect(small2).toMatchObject({ kind: 'sessions', counted: 1, total: 1 });
    if (small2.kind === 'sessions') {
      expect(small2.items[0]!.reason).toBe('计划为大型社区活动，实际签到30人，未达50人，按中小型社区活动计');
    }
  });

  it('narrows to a month, pages, and names 小组 sessions', async () => {
    const month = await drill('group-sessions', 'area1', { month: monthKey(-1) });
    if (month.kind !== 'sessions') throw new Error(month.kind);
    // Only this test's 小组: the demo series' sessions (relative to today) may fall in last month too.
    const ours = month.items.filter((i) => i.activityId === 'IndGroup01');
    expect(ours.map((i) => [i.sessionLabel, i.headcount, i.included])).toEqual([
      ['第1节', 5, true],
      ['第2节', 4, true],
      ['第3节', 0, false],
    ]);
    const page = await drill('all-people', null, { offset: 1, limit: 2 });
    expect(page.kind === 'sessions' && page.items.length).toBe(2);
    const outside = await h.call(SOCIAL, 'indicators', 'drillDown', {
      contractId,
      indicatorId: 'large',
      areaId: null,
      month: '2001-01',
    });
    expect(!outside.ok && outside.error.code).toBe('INVALID_INPUT');
  });

  it('lists hour entries, volunteers and teams behind the volunteer cells', async () => {
    const hours = await drill('hours', 'area1');
    if (hours.kind !== 'hour_entries') throw new Error(hours.kind);
    expect(hours.items.map((e) => [e.entryId, e.volunteerName, e.hours, e.areaName])).toEqual([
      ['ie1', '赵志愿', '1.50', '第一片区'],
      ['ie2', '赵志愿', '2.00', '第一片区'],
      ['ie3', '赵志愿', '2.00', '第一片区'],
    ]);
    expect(hours.note).toContain('只计一次');
    const volunteers = await drill('new-volunteers', null);
    expect(volunteers.kind === 'volunteers' && volunteers.items.map((v) => v.name).sort()).toEqual([
      '志愿者001',
      '赵志愿',
    ]);
    const teams = await drill('teams', null);
    expect(teams.kind === 'teams' && teams.items.map((t) => t.name)).toEqual(['岭南长者关爱队']);
    expect(await drill('teams', 'area1')).toMatchObject({ kind: 'unavailable' });
  });

  it('lists the activities behind 满意度, and the sessions behind staffed home visits', async () => {
    const satisfaction = await drill('satisfaction', null);
    expect(satisfaction).toMatchObject({
      kind: 'satisfaction',
      total: 1,
      items: [{ activityId: 'IndSmall01', rated: 6, satisfied: 5, rate: '83.33%', respondents: 7 }],
    });
    const visits = await drill('visits', null);
    expect(visits).toMatchObject({ kind: 'sessions', counted: 0 });
    const lecture = visits.kind === 'sessions' && visits.items.find((i) => i.activityId === 'IndLectu01');
    expect(lecture && lecture.reason).toBe('计划为讲座，实际签到20人、时长90分钟，人数未达30人，不按讲座计入');
  });
});
