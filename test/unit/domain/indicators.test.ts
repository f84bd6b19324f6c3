import { contractSettingsSchema, indicatorSchema, type Indicator } from '@linli/types/entities/indicators';
import { ratio } from '../../../cloudfunctions/_shared/domain/exact-ratio';
import { elapsedOf, dayOf } from '../../../cloudfunctions/_shared/domain/indicator-periods';
import {
  heldVisits,
  judgeSession,
  sessionSummaries,
  countingRulesOf,
  type SessionSummary,
} from '../../../cloudfunctions/_shared/domain/indicator-sessions';
import {
  volunteerHourFacts,
  type RegistrationRow,
  type TeamRow,
} from '../../../cloudfunctions/_shared/domain/indicator-volunteers';
import {
  cellOf,
  distinctPeopleActivities,
  EMPTY_FACTS,
  filterText,
  frequencyOf,
  indicatorProblem,
  measureDone,
  reportIndicator,
  sessionVerdicts,
  show,
  UNAVAILABLE_SOURCES,
  type ContractContext,
  type IndicatorFacts,
} from '../../../cloudfunctions/_shared/domain/indicators';

const PERIOD = { from: '2024-01-25', to: '2024-08-31' };
const settings = (over: object = {}) => contractSettingsSchema.parse(over);
const ctx = (over: Partial<ContractContext> = {}): ContractContext => ({
  settings: settings(),
  scopeAreaIds: [],
  period: PERIOD,
  communityName: (id) => ({ c1: '光复社区', c2: '扬仁社区', c3: '杉木栏社区' })[id] ?? id,
  ...over,
});
const indicator = (over: Record<string, unknown>): Indicator =>
  indicatorSchema.parse({ id: 'x', name: '指标', unit: '场', targets: {}, ...over });
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

let seq = 0;
function session(over: Partial<SessionSummary> = {}): SessionSummary {
  seq += 1;
  const startAt = over.startAt ?? at(over.day ?? '2024-03-10');
  const areaId = over.areaId ?? 'a1';
  return {
    recordAreaIds: [areaId],
    activityId: `A${String(seq).padStart(9, '0')}`,
    session: 1,
    title: `活动${seq}`,
    plannedKind: 'small_event',
    serviceArea: 'elderly',
    areaId: 'a1',
    communityId: 'c1',
    startAt,
    day: dayOf(startAt),
    durationMinutes: 90,
    series: false,
    cancelled: false,
    headcount: 20,
    records: 20,
    annulled: 0,
    ...over,
  };
}
const facts = (over: Partial<IndicatorFacts>): IndicatorFacts => ({ ...EMPTY_FACTS, ...over });
const done = (ind: Indicator, f: IndicatorFacts, areaId: string | null = null, c = ctx(), range = PERIOD) =>
  show(measureDone(ind, c, f, range, areaId)).text;

describe('activities held: counted as the kind actual attendance qualifies for', () => {
  const large = indicator({ measure: 'activities_held', filter: { kinds: ['large_event'] } });
  const small = indicator({ measure: 'activities_held', filter: { kinds: ['small_event'] } });
  const sixty = facts({ sessions: [session({ plannedKind: 'large_event', headcount: 60 })] });

  it('a contract that calls 50+ large counts 60 people as large (seed 000)', () => {
    expect(done(large, sixty)).toBe('1');
    expect(done(small, sixty)).toBe('0');
  });

  it('a contract that calls only 100+ large counts the same event as small/medium (seed 002)', () => {
    const seed002 = ctx({ settings: settings({ largeEventMinAttendance: 100 }) });
    expect(done(large, sixty, null, seed002)).toBe('0');
    expect(done(small, sixty, null, seed002)).toBe('1');
  });

  it('the thresholds are inclusive: 50 is large, 49 is not; 10 is small, 9 nothing', () => {
    const f = facts({
      sessions: [
        session({ plannedKind: 'large_event', headcount: 50 }),
        session({ plannedKind: 'large_event', headcount: 49 }),
        session({ plannedKind: 'small_event', headcount: 10 }),
        session({ plannedKind: 'small_event', headcount: 9 }),
      ],
    });
    expect(done(large, f)).toBe('1');
    expect(done(small, f)).toBe('2');
    expect(done(indicator({ measure: 'activities_held' }), f)).toBe('3');
  });

  it('a lecture short of 30 people or 40 minutes counts nowhere, not even as 服务人次', () => {
    const f = facts({
      sessions: [
        session({ plannedKind: 'lecture', headcount: 29 }),
        session({ plannedKind: 'lecture', headcount: 35, durationMinutes: 39.5 }),
        session({ plannedKind: 'lecture', headcount: 30, durationMinutes: 40 }),
      ],
    });
    expect(done(indicator({ measure: 'activities_held', filter: { kinds: ['lecture'] } }), f)).toBe('1');
    expect(done(indicator({ measure: 'attendances' }), f)).toBe('30');
  });

  it('a cancelled activity counts nothing, whatever was signed', () => {
    const f = facts({ sessions: [session({ cancelled: true, headcount: 40 })] });
    expect(done(indicator({ measure: 'activities_held' }), f)).toBe('0');
    expect(done(indicator({ measure: 'attendances' }), f)).toBe('0');
  });

  it('counts only the days of the range asked for', () => {
    const f = facts({
      sessions: [session({ day: '2024-01-24' }), session({ day: '2024-01-25' }), session({ day: '2024-08-31' })],
    });
    expect(done(indicator({ measure: 'activities_held' }), f)).toBe('2');
  });
});

describe('filters', () => {
  const f = facts({
    sessions: [
      session({ headcount: 10, serviceArea: 'elderly', communityId: 'c1', areaId: 'a1' }),
      session({ headcount: 50, serviceArea: 'youth', communityId: 'c2', areaId: 'a1' }),
      session({ headcount: 51, serviceArea: 'elderly', communityId: 'c3', areaId: 'a2', plannedKind: 'large_event' }),
      session({ headcount: 30, serviceArea: 'family', communityId: 'c3', areaId: 'a3' }),
    ],
  });
  const held = (filter: object) => done(indicator({ measure: 'activities_held', filter }), f);

  it('by service area', () => expect(held({ serviceAreas: ['elderly'] })).toBe('2'));
  it('by community', () => expect(held({ communityIds: ['c3'] })).toBe('2'));
  it('by attendance range, both ends included', () => {
    expect(held({ attendanceMin: 10, attendanceMax: 50 })).toBe('3');
    expect(held({ attendanceMin: 11, attendanceMax: 49 })).toBe('1');
    expect(held({ attendanceMin: 51 })).toBe('1');
  });
  it('by kind as classified, not as planned: the small event that drew 50 is large', () => {
    expect(held({ kinds: ['large_event'] })).toBe('2');
    expect(held({ kinds: ['small_event'] })).toBe('2');
  });

  it('per 片区, and in total within the contract 片区', () => {
    const attendances = indicator({ measure: 'attendances' });
    expect(done(attendances, f, 'a1')).toBe('60');
    expect(done(attendances, f, 'a2')).toBe('51');
    expect(done(attendances, f)).toBe('141');
    expect(done(attendances, f, null, ctx({ scopeAreaIds: ['a1', 'a2'] }))).toBe('111');
  });

  it('says each filter in words', () => {
    expect(
      filterText(
        indicator({
          measure: 'attendances',
          filter: {
            kinds: ['large_event', 'small_event'],
            serviceAreas: ['elderly'],
            communityIds: ['c1'],
            attendanceMin: 10,
            attendanceMax: 50,
          },
        }),
        ctx().communityName,
      ),
    ).toBe(
      '活动类型（按实际签到认定）：大型社区活动、中小型社区活动；服务领域：长者；社区：光复社区；签到人数：10–50人',
    );
  });
});

describe('小组: sessions, groups and person-times summed over sessions', () => {
  const group = (id: string, heads: number[]) =>
    heads.map((headcount, i) =>
      session({
        activityId: id,
        session: i + 1,
        series: true,
        plannedKind: 'group_session',
        headcount,
        day: `2024-03-${10 + i * 7}`,
      }),
    );
  const f = facts({
    sessions: [...group('G000000001', [6, 5, 0]), ...group('G000000002', [4]), session({ headcount: 20 })],
  });

  it('counts sessions held (with anyone signed in) and groups with a session held', () => {
    expect(done(indicator({ measure: 'sessions_held' }), f)).toBe('3');
    expect(done(indicator({ measure: 'groups_held', filter: { kinds: ['group_session'] } }), f)).toBe('2');
  });

  it('sums person-times over sessions; 开展场次 leaves 小组 out', () => {
    expect(done(indicator({ measure: 'attendances', filter: { kinds: ['group_session'] } }), f)).toBe('15');
    expect(done(indicator({ measure: 'activities_held' }), f)).toBe('1');
  });

  it('counts a group in each month it met', () => {
    const march = { from: '2024-03-01', to: '2024-03-31' };
    expect(done(indicator({ measure: 'groups_held' }), f, null, ctx(), march)).toBe('2');
    expect(done(indicator({ measure: 'groups_held' }), f, null, ctx(), { from: '2024-04-01', to: '2024-04-30' })).toBe(
      '0',
    );
  });
});

describe('the sentence behind each count', () => {
  const rules = countingRulesOf(settings());
  const judge = (ind: Indicator, s: SessionSummary, scope: string[] = []) =>
    judgeSession(ind, s, rules, scope, ctx().communityName);

  it('says what it counted as, or why not', () => {
    const large = indicator({ measure: 'activities_held', filter: { kinds: ['large_event'] } });
    expect(judge(large, session({ plannedKind: 'large_event', headcount: 30 }))).toMatchObject({
      included: false,
      classification: { countsAs: 'small_event' },
      because: '按中小型社区活动计，不属于本指标的活动类型（大型社区活动）',
    });
    expect(judge(large, session({ plannedKind: 'large_event', headcount: 80 })).because).toBe(
      '计划为大型社区活动，实际签到80人，达到50人，按大型社区活动计',
    );
    expect(judge(large, session({ plannedKind: 'small_event', headcount: 5 })).because).toContain('不计入');
    expect(judge(large, session({ areaId: 'a9', plannedKind: 'large_event', headcount: 80 }), ['a1']).because).toBe(
      '所在片区不在本合同范围内，不计入',
    );
    expect(
      judge(indicator({ measure: 'activities_held', filter: { communityIds: ['c1'] } }), session({ communityId: 'c2' }))
        .because,
    ).toBe('在扬仁社区开展，不在本指标的社区范围内');
    expect(
      judge(indicator({ measure: 'activities_held', filter: { attendanceMin: 30 } }), session({ headcount: 20 }))
        .because,
    ).toBe('签到20人，不在本指标的人数范围（30人以上）');
  });

  it('lists every session of a 片区 for the drill-down, counted or not', () => {
    const f = [session({ areaId: 'a1' }), session({ areaId: 'a1', headcount: 3 }), session({ areaId: 'a2' })];
    const verdicts = sessionVerdicts(indicator({ measure: 'activities_held' }), ctx(), f, PERIOD, 'a1');
    expect(verdicts.map((v) => v.included)).toEqual([true, false]);
  });
});

describe('服务人数: the activities its aggregation counts', () => {
  it('names the counted activities once, those not counted, and those moved to another 片区', () => {
    const g1 = session({
      activityId: 'G000000001',
      session: 1,
      series: true,
      plannedKind: 'group_session',
      areaId: 'a1',
    });
    const g1b = { ...g1, session: 2, day: '2024-03-17', headcount: 0 };
    const short = session({ activityId: 'L000000001', plannedKind: 'lecture', headcount: 5, areaId: 'a1' });
    const moved = session({ activityId: 'M000000001', areaId: 'a2', recordAreaIds: ['a1'] });
    const other = session({ activityId: 'O000000001', areaId: 'a2' });
    const activities = distinctPeopleActivities(indicator({ measure: 'distinct_people' }), ctx(), [
      g1,
      g1b,
      short,
      moved,
      other,
    ]);
    expect(activities).toEqual({
      counted: ['G000000001', 'M000000001', 'O000000001'],
      notCounted: ['L000000001'],
      moved: new Map([['M000000001', 'a2']]),
    });
  });

  it('reads the period total from its aggregation, and is not split by month', () => {
    const ind = indicator({ id: 'people', measure: 'distinct_people' });
    const f = facts({ distinctPeople: new Map([['people', { byArea: { a1: 30, a2: 25 }, total: 50 }]]) });
    expect(done(ind, f)).toBe('50');
    expect(done(ind, f, 'a2')).toBe('25');
    expect(measureDone(ind, ctx(), f, { from: '2024-03-01', to: '2024-03-31' }, null)).toMatchObject({
      type: 'unavailable',
      code: 'not_by_window',
    });
  });
});

describe('volunteers', () => {
  const areaOf = (id: string) => ({ v1: 'a1', v2: 'a2' })[id] ?? null;
  const entry = (id: string, volunteerId: string, start: string, minutes: number, approvedAt = at('2024-03-31')) => {
    const s = new Date(start);
    return {
      id,
      volunteerId,
      minutes,
      start: s,
      end: new Date(s.getTime() + minutes * 60_000),
      approvedAt,
      servedAt: s,
    };
  };

  it('counts overlapping minutes of one volunteer once, per day and 片区 of the volunteer', () => {
    const { volunteerDays, serving } = volunteerHourFacts(
      [
        entry('e1', 'v1', '2024-03-10T09:00:00+08:00', 120),
        entry('e2', 'v1', '2024-03-10T10:00:00+08:00', 120, at('2024-04-01')), // 60 minutes overlap e1
        entry('e3', 'v2', '2024-03-11T09:00:00+08:00', 45),
        { id: 'e4', volunteerId: 'v9', minutes: 30, servedAt: at('2024-03-11') }, // no times, no 片区
      ],
      areaOf,
    );
    expect(volunteerDays).toEqual([
      { day: '2024-03-10', areaId: 'a1', minutes: 180, participations: 2 },
      { day: '2024-03-11', areaId: null, minutes: 30, participations: 1 },
      { day: '2024-03-11', areaId: 'a2', minutes: 45, participations: 1 },
    ]);
    expect(serving).toEqual([
      { day: '2024-03-10', volunteerIds: ['v1'] },
      { day: '2024-03-11', volunteerIds: ['v2', 'v9'] },
    ]);
    const f = facts({ volunteerDays, serving });
    expect(done(indicator({ measure: 'volunteer_hours' }), f)).toBe('4.25'); // 255 minutes
    expect(done(indicator({ measure: 'volunteer_hours' }), f, 'a1')).toBe('3.00');
    expect(done(indicator({ measure: 'volunteer_participations' }), f)).toBe('4');
  });

  it('does not count an entry whose minutes all lie under an earlier one', () => {
    const { volunteerDays } = volunteerHourFacts(
      [
        entry('e1', 'v1', '2024-03-10T09:00:00+08:00', 120),
        entry('e2', 'v1', '2024-03-10T09:30:00+08:00', 30, at('2024-04-02')),
      ],
      areaOf,
    );
    expect(volunteerDays).toEqual([{ day: '2024-03-10', areaId: 'a1', minutes: 120, participations: 1 }]);
  });

  const registrations: RegistrationRow[] = [
    {
      id: 'v1',
      registrationStatus: 'approved',
      approvedAt: at('2024-02-01'),
      isCore: true,
      coreAt: at('2024-03-01'),
      areaId: 'a1',
    },
    {
      id: 'v2',
      registrationStatus: 'approved',
      approvedAt: at('2024-01-10'),
      isCore: true,
      coreAt: at('2024-02-10'),
      areaId: 'a2',
    },
    { id: 'v3', registrationStatus: 'pending', isCore: false, areaId: 'a1' },
    {
      id: 'v4',
      registrationStatus: 'approved',
      approvedAt: at('2024-04-01'),
      isCore: false,
      coreAt: at('2024-04-02'),
      areaId: 'a1',
    },
  ];

  it('counts registrations approved in the period, and 骨干 marked in it who still are', () => {
    const f = facts({ registrations });
    expect(done(indicator({ measure: 'new_volunteers' }), f)).toBe('2');
    expect(done(indicator({ measure: 'new_volunteers' }), f, 'a1')).toBe('2');
    expect(done(indicator({ measure: 'new_core_volunteers' }), f)).toBe('2');
  });

  const teams: TeamRow[] = [
    {
      id: 't1',
      name: '关爱队',
      createdAt: at('2024-02-01'),
      members: [{ volunteerId: 'v1', registrationStatus: 'approved' }],
    },
    {
      id: 't2',
      name: '法律队',
      createdAt: at('2023-12-01'),
      members: [{ volunteerId: 'v2', registrationStatus: 'approved' }],
    },
    { id: 't3', name: '新队', createdAt: at('2024-05-01'), members: [] },
  ];

  it('counts new teams, and teams whose member served (station-wide only)', () => {
    const f = facts({ teams, serving: [{ day: '2024-03-10', volunteerIds: ['v1', 'v9'] }] });
    expect(done(indicator({ measure: 'new_teams' }), f)).toBe('2');
    expect(done(indicator({ measure: 'active_teams' }), f)).toBe('1');
    expect(measureDone(indicator({ measure: 'active_teams' }), ctx(), f, PERIOD, 'a1')).toMatchObject({
      code: 'not_by_area',
    });
  });
});

describe('manual counts and sources not enabled', () => {
  it('sums the manual counts in effect, by 片区 and in total (station-wide ones in total only)', () => {
    const ind = indicator({ id: 'brochures', measure: 'manual_count', unit: '本' });
    const f = facts({
      manual: [
        { indicatorId: 'brochures', areaId: 'a1', day: '2024-03-01', hundredths: 50000 },
        { indicatorId: 'brochures', areaId: null, day: '2024-03-02', hundredths: 25 },
        { indicatorId: 'other', areaId: 'a1', day: '2024-03-02', hundredths: 100 },
        { indicatorId: 'brochures', areaId: 'a1', day: '2023-12-31', hundredths: 100 },
      ],
    });
    expect(done(ind, f)).toBe('500.25');
    expect(done(ind, f, 'a1')).toBe('500');
  });

  it('answers 数据来源尚未启用 for a source not enabled, never a 0', () => {
    // Every source is wired today; the mechanism waits for the next one a contract names first.
    UNAVAILABLE_SOURCES.wishes = '数据来源尚未启用：测试用的未启用来源';
    try {
      const row = reportIndicator(
        indicator({ measure: 'wishes_fulfilled', targets: { total: 50 } }),
        ctx(),
        EMPTY_FACTS,
        ['a1'],
        elapsedOf(PERIOD, at('2024-04-30')),
        at('2024-04-30'),
      );
      expect(row.source.available).toBe(false);
      for (const cell of [...row.cells, row.total]) {
        expect(cell).toMatchObject({ done: null, completion: null, status: 'unavailable' });
        expect(cell.doneText).toBe('数据来源尚未启用：测试用的未启用来源');
      }
    } finally {
      delete UNAVAILABLE_SOURCES.wishes;
    }
  });
});

describe('入户探访（人员配备达标）: home visits held whose team meets seed 000', () => {
  const staffed = indicator({ measure: 'home_visits_staffed', unit: '次' });
  const elderOnly = indicator({ measure: 'home_visits_staffed', unit: '户', filter: { serviceAreas: ['elderly'] } });
  const team = (staff: number, volunteers: number, men: number) => ({ staff, volunteers, men, unknownGender: 0 });
  const visit = (over: Partial<SessionSummary>) =>
    session({ plannedKind: 'home_visit', serviceArea: 'family', headcount: 1, records: 1, ...over });
  const f = facts({
    sessions: [
      visit({ title: '两名社工含男性', visitTeam: team(2, 0, 1) }),
      visit({ title: '一名社工加男志愿者', visitTeam: team(1, 1, 1) }),
      visit({ title: '长者三名社工含男志愿者', serviceArea: 'elderly', visitTeam: team(3, 1, 1) }),
      visit({ title: '长者两名社工', serviceArea: 'elderly', visitTeam: team(2, 1, 2), areaId: 'a2' }),
      visit({ title: '无人探访', headcount: 0, records: 0, visitTeam: team(2, 0, 1) }),
      visit({ title: '已取消', cancelled: true, visitTeam: team(2, 0, 1) }),
      session({ title: '电访', plannedKind: 'phone_visit', headcount: 1 }),
      session({ title: '活动' }),
    ],
  });

  it('counts the visits held whose team meets the rule, per 片区 and in total', () => {
    expect(done(staffed, f)).toBe('2');
    expect(done(staffed, f, 'a1')).toBe('2');
    expect(done(staffed, f, 'a2')).toBe('0');
    expect(done(elderOnly, f)).toBe('1');
  });

  it('says per visit why it counted or not, the staffing in words', () => {
    const because = new Map(
      sessionVerdicts(staffed, ctx(), f.sessions, PERIOD).map((v) => [v.summary.title, [v.included, v.because]]),
    );
    expect(because.get('两名社工含男性')).toEqual([
      true,
      '计划为入户探访，实际探访1人，按入户探访计；探访人员：社工2人，含男性1人 — 达标',
    ]);
    expect(because.get('一名社工加男志愿者')).toEqual([
      false,
      '计划为入户探访，实际探访1人，按入户探访计；探访人员：社工1人、志愿者1人，含男性1人；入户探访需社工2人 — 未达标',
    ]);
    expect(because.get('长者两名社工')).toEqual([
      false,
      '计划为入户探访，实际探访1人，按入户探访计；探访人员：社工2人、志愿者1人，含男性2人；探访长者需社工3人 — 未达标',
    ]);
    expect(because.get('无人探访')).toEqual([false, '计划为入户探访，无人探访，不计入']);
    expect(because.get('已取消')).toEqual([false, '活动已取消，不计入']);
    expect(because.get('电访')).toEqual([false, '按电访计，不是入户探访']);
    expect(because.get('活动')).toEqual([false, '按中小型社区活动计，不是入户探访']);
  });

  it('reads a visit with no team recorded as not staffed', () => {
    expect(done(staffed, facts({ sessions: [visit({})] }))).toBe('0');
    const [verdict] = sessionVerdicts(staffed, ctx(), [visit({})], PERIOD);
    expect(verdict!.because).toContain('未登记探访人员');
  });

  it('is a count like any other: frequency rules, 片区 filters and targets apply', () => {
    const monthly = indicator({
      measure: 'home_visits_staffed',
      unit: '次',
      frequency: { every: 'month', atLeast: 1 },
      targets: { total: 4 },
    });
    const report = frequencyOf(monthly, ctx(), f, at('2024-04-20'))!;
    expect(report.windows.find((w) => w.label === '2024年3月')).toMatchObject({ state: 'met', doneText: '2' });
    expect(indicatorProblem(monthly)).toBeNull();
  });
});

describe('满意度 from the satisfaction forms (seed 002: ≥ 80%)', () => {
  const rate = indicator({ id: 'sat', measure: 'satisfaction_rate', unit: '%', targets: { total: 80 } });
  const row = (
    activityId: string,
    areaId: string,
    kind: 'lecture' | 'small_event',
    rated: number,
    satisfied: number,
    day = '2024-03-10',
  ) => ({
    activityId,
    areaId,
    kind,
    respondents: rated + 1,
    rated,
    satisfied,
    day,
  });
  const f = facts({
    satisfaction: [
      row('A1', 'a1', 'lecture', 40, 30),
      row('A2', 'a1', 'small_event', 1, 1),
      row('A3', 'a2', 'small_event', 9, 7),
      row('A4', 'a2', 'lecture', 5, 5, '2023-12-01'),
    ],
  });

  it('sums counts over activities (an activity of 40 weighs forty times one of 1)', () => {
    expect(done(rate, f)).toBe('76.00%'); // 38 of 50
    expect(done(rate, f, 'a1')).toBe('75.61%'); // 31 of 41, not the mean of 75% and 100%
    expect(done(indicator({ ...rate, filter: { kinds: ['small_event'] } }), f)).toBe('80.00%');
  });

  it('meets 80% on the exact fraction, not on the rounded one', () => {
    const almost = facts({ satisfaction: [row('A1', 'a1', 'lecture', 25001, 20000)] }); // 79.9968%
    expect(
      reportIndicator(rate, ctx(), almost, [], elapsedOf(PERIOD, at('2024-04-30')), at('2024-04-30')).total,
    ).toMatchObject({
      doneText: '80.00%',
      status: 'below',
    });
  });
});

describe('点亮微心愿 and 意见处理及时率, from their own functions', () => {
  it('counts wishes confirmed in the days, by the 片区 of the beneficiary', () => {
    const wish = (areaId: string | null, day: string, status: 'confirmed' | 'fulfilled' = 'confirmed') => ({
      stationId: 'st1',
      areaId,
      status,
      confirmedAt: at(day),
    });
    const f = facts({
      wishes: [
        wish('a1', '2024-02-01'),
        wish('a1', '2024-03-01'),
        wish('a2', '2024-03-02'),
        wish(null, '2024-03-03'),
        wish('a1', '2024-03-04', 'fulfilled'),
      ],
    });
    const ind = indicator({ measure: 'wishes_fulfilled', unit: '个' });
    expect(done(ind, f, null, ctx({ stationId: 'st1' }))).toBe('4');
    expect(done(ind, f, 'a1', ctx({ stationId: 'st1' }))).toBe('2');
    // a2's wish is outside the contract's 片区; the one of no 片区 is the station's.
    expect(done(ind, f, null, ctx({ stationId: 'st1', scopeAreaIds: ['a1'] }))).toBe('3');
    expect(done(ind, f, null, ctx({ stationId: 'st1' }), { from: '2024-03-01', to: '2024-03-31' })).toBe('3');
  });

  it('judges complaints answered within 2 days, leaving out those still within their 2 days', () => {
    const complaint = (received: string, repliedAfterHours: number | null) => {
      const receivedAt = new Date(received);
      return {
        receivedAt,
        day: dayOf(receivedAt),
        ...(repliedAfterHours !== null
          ? { firstRepliedAt: new Date(receivedAt.getTime() + repliedAfterHours * 3_600_000) }
          : {}),
      };
    };
    const f = facts({
      complaints: [
        complaint('2024-03-01T10:00:00+08:00', 47),
        complaint('2024-03-02T10:00:00+08:00', 48), // exactly 48 hours: in time
        complaint('2024-03-03T10:00:00+08:00', 49),
        complaint('2024-03-04T10:00:00+08:00', null), // overdue by the read
        complaint('2024-03-30T10:00:00+08:00', null), // still within its 2 days at the read
      ],
    });
    const ind = indicator({ measure: 'complaints_answered_in_time_rate', unit: '%', targets: { total: 100 } });
    const read = ctx({ asOf: at('2024-03-31', 12) });
    expect(done(ind, f, null, read)).toBe('50.00%'); // 2 of 4 judged
    expect(measureDone(ind, read, f, PERIOD, 'a1')).toMatchObject({ type: 'unavailable', code: 'not_by_area' });
    expect(
      cellOf(ind, measureDone(ind, read, f, PERIOD, null), null, elapsedOf(PERIOD, at('2024-03-31'))),
    ).toMatchObject({
      completion: '50.00%',
      status: 'below',
    });
  });
});

describe('cells: target, done, completion and progress against time', () => {
  const midTerm = elapsedOf(PERIOD, at('2024-04-30')); // 97 of 220 days
  const ind = indicator({ measure: 'activities_held', targets: { byArea: { a1: 6, a2: 10 }, total: 20 } });

  it('prints seed 004 right: 10 ÷ 6 is 166.67%, not 166.00%', () => {
    const cell = cellOf(ind, { type: 'count', n: 10 }, 'a1', midTerm);
    expect(cell).toMatchObject({
      target: 6,
      done: 10,
      doneText: '10',
      completion: '166.67%',
      status: 'done',
      statusText: '已完成',
    });
  });

  it('is on track when done ÷ target reaches the share of the period elapsed', () => {
    // 10 × 97/220 = 4.41: 5 is on track, 4 is behind.
    expect(cellOf(ind, { type: 'count', n: 5 }, 'a2', midTerm)).toMatchObject({
      completion: '50.00%',
      status: 'on_track',
      expectedByNow: '4.41',
    });
    expect(cellOf(ind, { type: 'count', n: 4 }, 'a2', midTerm)).toMatchObject({
      completion: '40.00%',
      status: 'behind',
      statusText: '落后于时间进度',
    });
  });

  it('takes the total target, else the sum of the 片区 targets, else none', () => {
    expect(cellOf(ind, { type: 'count', n: 1 }, null, midTerm).target).toBe(20);
    const summed = indicator({ measure: 'activities_held', targets: { byArea: { a1: 0.1, a2: 0.2 } } });
    expect(cellOf(summed, { type: 'count', n: 1 }, null, midTerm)).toMatchObject({
      target: 0.3,
      completion: '333.33%',
    });
    const none = indicator({ measure: 'activities_held', targets: {} });
    expect(cellOf(none, { type: 'count', n: 3 }, null, midTerm)).toMatchObject({
      target: null,
      completion: null,
      status: 'no_target',
      doneText: '3',
    });
  });

  it('computes the completion of hours from the hours shown', () => {
    const hours = indicator({ measure: 'volunteer_hours', unit: '小时', targets: { total: 2000 } });
    // 181491 minutes = 3024.85 hours (seed 004's number), ÷ 2000 = 151.24%
    expect(cellOf(hours, { type: 'minutes', minutes: 181491 }, null, midTerm)).toMatchObject({
      done: 3024.85,
      doneText: '3024.85',
      completion: '151.24%',
    });
  });

  it('compares a rate with the required rate, not with time', () => {
    const rate = indicator({ measure: 'satisfaction_rate', unit: '%', targets: { total: 80 } });
    expect(cellOf(rate, { type: 'rate', part: 5, whole: 6 }, null, midTerm)).toMatchObject({
      done: 83.33,
      doneText: '83.33%',
      completion: '104.16%',
      status: 'met',
    });
    expect(cellOf(rate, { type: 'rate', part: 7, whole: 9 }, null, midTerm)).toMatchObject({
      doneText: '77.78%',
      status: 'below',
    });
    expect(cellOf(rate, { type: 'rate', part: 0, whole: 0 }, null, midTerm)).toMatchObject({
      done: null,
      doneText: '暂无数据',
      status: 'no_data',
    });
  });

  it('has no completion of a zero target', () => {
    const zero = indicator({ measure: 'activities_held', targets: { total: 0 } });
    expect(cellOf(zero, { type: 'count', n: 2 }, null, midTerm)).toMatchObject({ completion: null, status: 'done' });
    expect(show({ type: 'count', n: 2 }).exact).toEqual(ratio(2));
  });
});

describe('frequency requirements: which months or quarters fall short', () => {
  const monthly = indicator({
    id: 'care',
    measure: 'manual_count',
    unit: '次',
    frequency: { every: 'month', atLeast: 2 },
  });
  const entries = (days: string[]) =>
    facts({ manual: days.map((day) => ({ indicatorId: 'care', areaId: null, day, hundredths: 100 })) });

  it('names the ended months below the requirement; a running month is not short yet', () => {
    const f = entries(['2024-01-26', '2024-01-30', '2024-02-14', '2024-03-01', '2024-03-02', '2024-04-10']);
    const report = frequencyOf(monthly, ctx(), f, at('2024-04-20'))!;
    expect(report.label).toBe('每月至少2次');
    expect(report.windows.slice(0, 5).map((w) => [w.label, w.state, w.doneText, w.partial])).toEqual([
      ['2024年1月', 'met', '2', true],
      ['2024年2月', 'short', '1', false],
      ['2024年3月', 'met', '2', false],
      ['2024年4月', 'running', '1', false],
      ['2024年5月', 'upcoming', '0', false],
    ]);
    expect(report.shortfalls).toEqual(['2024年2月']);
  });

  it('judges quarters too (seed 001: ≥1次/季度)', () => {
    const quarterly = indicator({
      measure: 'activities_held',
      unit: '次',
      filter: { kinds: ['home_visit', 'phone_visit'], serviceAreas: ['elderly'] },
      frequency: { every: 'quarter', atLeast: 1 },
    });
    const f = facts({ sessions: [session({ plannedKind: 'phone_visit', headcount: 1, day: '2024-05-06' })] });
    const report = frequencyOf(quarterly, ctx(), f, at('2024-09-01'))!;
    expect(report.windows.map((w) => w.state)).toEqual(['short', 'met', 'short']);
    expect(report.shortfalls).toEqual(['2024年第1季度', '2024年第3季度']);
  });
});

describe('what a contract may not ask', () => {
  it.each([
    [
      { measure: 'distinct_people', frequency: { every: 'month', atLeast: 1 } },
      '服务人数不能设置按月或按季度的次数要求',
    ],
    [{ measure: 'satisfaction_rate', unit: '%', targets: { total: 120 } }, '比率指标的目标不能超过100%'],
    [{ measure: 'satisfaction_rate', unit: '%', filter: { serviceAreas: ['elderly'] } }, '满意度只能按活动类型筛选'],
    [
      { measure: 'activities_held', filter: { kinds: ['group_session'] } },
      '小组请用“小组节数”或“小组个数”统计，不计入开展场次',
    ],
    [{ measure: 'attendances', filter: { attendanceMin: 50, attendanceMax: 10 } }, '签到人数范围的下限不能大于上限'],
    [
      { measure: 'home_visits_staffed', filter: { kinds: ['home_visit', 'phone_visit'] } },
      '入户探访（人员配备达标）只统计入户探访，活动类型只能选入户探访或不选',
    ],
  ])('%o', (over, problem) => {
    expect(indicatorProblem(indicator(over))).toBe(problem);
  });

  it('accepts the ordinary ones', () => {
    expect(
      indicatorProblem(indicator({ measure: 'activities_held', frequency: { every: 'month', atLeast: 2 } })),
    ).toBeNull();
  });
});

describe('session summaries from the two aggregations', () => {
  const march = '2024-03';
  const activity = {
    id: 'ACT0000001',
    title: '长者互助小组',
    kind: 'group_session' as const,
    serviceArea: 'elderly' as const,
    areaId: 'a1',
    communityId: 'c1',
    startAt: at('2024-02-27', 14),
    endAt: at('2024-03-12', 16),
    sessions: [
      { startAt: at('2024-02-27', 14), endAt: at('2024-02-27', 16) },
      { startAt: at('2024-03-05', 14), endAt: at('2024-03-05', 16) },
      { startAt: at('2024-03-12', 14), endAt: at('2024-03-12', 16) },
    ],
    status: 'published' as const,
  };
  const single = {
    ...activity,
    id: 'ACT0000002',
    kind: 'lecture' as const,
    sessions: undefined,
    startAt: at('2024-03-20', 9),
    endAt: at('2024-03-20', 10),
  };

  it("keeps the month's sessions that have started, with their attendance (zero when nobody came)", () => {
    const summaries = sessionSummaries(
      march,
      [activity, single],
      [
        { activityId: 'ACT0000001', session: 1, recordAreaId: 'a1', headcount: 9, records: 9, annulled: 0 }, // February
        { activityId: 'ACT0000001', session: 2, recordAreaId: 'a1', headcount: 7, records: 6, annulled: 0 },
        { activityId: 'ACT0000001', session: 2, recordAreaId: 'a1', headcount: 0, records: 0, annulled: 1 },
        { activityId: 'ACT0000002', session: null, recordAreaId: 'a3', headcount: 33, records: 31, annulled: 0 },
      ],
      at('2024-03-31', 23),
    );
    expect(
      summaries.map((s) => [
        s.activityId,
        s.session,
        s.day,
        s.headcount,
        s.records,
        s.annulled,
        s.series,
        s.durationMinutes,
        s.recordAreaIds,
      ]),
    ).toEqual([
      ['ACT0000001', 2, '2024-03-05', 7, 6, 1, true, 120, ['a1']],
      ['ACT0000001', 3, '2024-03-12', 0, 0, 0, true, 120, []],
      ['ACT0000002', 1, '2024-03-20', 33, 31, 0, false, 60, ['a3']],
    ]);
    expect(sessionSummaries(march, [activity, single], [], at('2024-03-10')).map((s) => s.session)).toEqual([2]);
  });

  it('gives home visits their team (none recorded: nobody), and reads teams only of visits held', () => {
    const visit = { ...single, id: 'VISIT00001', kind: 'home_visit' as const };
    const cancelled = { ...visit, id: 'VISIT00002', status: 'cancelled' as const };
    const empty = { ...visit, id: 'VISIT00003' };
    const groups = [
      { activityId: 'VISIT00001', session: null, recordAreaId: 'a1', headcount: 1, records: 1, annulled: 0 },
      { activityId: 'VISIT00002', session: null, recordAreaId: 'a1', headcount: 1, records: 1, annulled: 0 },
      { activityId: 'VISIT00003', session: null, recordAreaId: 'a1', headcount: 0, records: 0, annulled: 1 },
      { activityId: 'ACT0000002', session: null, recordAreaId: 'a3', headcount: 33, records: 31, annulled: 0 },
    ];
    expect(heldVisits([visit, cancelled, empty, single], groups)).toEqual(['VISIT00001']);
    const teams = new Map([['VISIT00001', { staff: 2, volunteers: 1, men: 1, unknownGender: 0 }]]);
    const summaries = sessionSummaries(march, [visit, empty, single], groups, at('2024-03-31', 23), teams);
    expect(summaries.map((s) => [s.activityId, s.visitTeam])).toEqual([
      ['ACT0000002', undefined],
      ['VISIT00001', { staff: 2, volunteers: 1, men: 1, unknownGender: 0 }],
      ['VISIT00003', { staff: 0, volunteers: 0, men: 0, unknownGender: 0 }],
    ]);
  });
});
