import { contractTemplateSchema, type ContractTemplate, type Indicator } from '@linli/types/entities/indicators';
import { CONTRACT_TEMPLATE_FILES } from '../../../config/contract-templates';
import {
  contractFromTemplate,
  parseTemplates,
  templateAreaKeys,
} from '../../../cloudfunctions/_shared/domain/contract-templates';
import { indicatorProblem } from '../../../cloudfunctions/_shared/domain/indicators';

const templates = parseTemplates(CONTRACT_TEMPLATE_FILES);
const template = (id: string): ContractTemplate => {
  const found = templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};
const indicator = (templateId: string, id: string): Indicator => {
  const found = template(templateId).draft.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id} in ${templateId}`);
  return found;
};

describe('every template file', () => {
  it.each(CONTRACT_TEMPLATE_FILES.map((file) => [(file as { id: string }).id, file]))(
    '%s fits the schema',
    (_id, file) => {
      const parsed = contractTemplateSchema.safeParse(file);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    },
  );

  it('has unique template ids', () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  it.each(templates.map((t) => [t.id, t]))('%s: every indicator is one the engine can count as written', (_id, t) => {
    expect(t.draft.indicators.map((i) => [i.id, indicatorProblem(i)]).filter(([, p]) => p !== null)).toEqual([]);
  });

  it.each(templates.map((t) => [t.id, t]))('%s: 片区 targets add up to the printed 合计', (_id, t) => {
    for (const i of t.draft.indicators) {
      const parts = Object.values(i.targets.byArea);
      if (parts.length > 0) expect([i.id, parts.reduce((a, b) => a + b, 0)]).toEqual([i.id, i.targets.total]);
    }
  });
});

describe('seed 004 附件1-1 (岭南街)', () => {
  const areas = (id: string) => indicator('seed004-lingnan', id).targets;

  it('covers the contract period 2024-01-25 to 2024-08-31 and names 片区1/2/3 as pianqu1/2/3', () => {
    const t = template('seed004-lingnan');
    expect([t.draft.periodStart, t.draft.periodEnd]).toEqual(['2024-01-25', '2024-08-31']);
    expect(templateAreaKeys(t)).toEqual(['pianqu1', 'pianqu2', 'pianqu3']);
  });

  it.each([
    ['large-events', 'activities_held', '次', [2, 3, 3], 8],
    ['large-event-people', 'attendances', '人次', [200, 300, 300], 800],
    ['small-events', 'activities_held', '次', [10, 10, 10], 30],
    ['small-event-people', 'attendances', '人次', [300, 300, 300], 900],
    ['groups', 'groups_held', '个', [5, 8, 8], 21],
    ['group-sessions', 'sessions_held', '节', [25, 40, 40], 105],
    ['group-people', 'attendances', '人次', [125, 200, 200], 525],
    ['phone-non17', 'manual_count', '个', [38, 30, 20], 88],
    ['home-visits-17', 'manual_count', '个', [20, 20, 30], 70],
  ] as const)('%s: %s in %s, 片区 %j, 合计 %d', (id, measure, unit, [a, b, c], total) => {
    const i = indicator('seed004-lingnan', id);
    expect([i.measure, i.unit]).toEqual([measure, unit]);
    expect(areas(id)).toEqual({ byArea: { pianqu1: a, pianqu2: b, pianqu3: c }, total });
  });

  it.each([
    ['new-volunteers', 'new_volunteers', 70],
    ['new-core-volunteers', 'new_core_volunteers', 24],
    ['new-teams', 'new_teams', 3],
    ['active-teams', 'active_teams', 6],
    ['general-trainings', 'activities_held', 5],
    ['filing-17', 'manual_count', 800],
    ['visits-17', 'manual_count', 5600],
    ['cases-opened', 'manual_count', 60],
    ['case-sessions', 'manual_count', 300],
  ] as const)('%s: %s, total %d for the whole station', (id, measure, total) => {
    expect(indicator('seed004-lingnan', id)).toMatchObject({ measure, targets: { byArea: {}, total } });
  });

  it('counts activities by kind as classified by attendance, not by plan', () => {
    expect(indicator('seed004-lingnan', 'large-events').filter.kinds).toEqual(['large_event']);
    expect(indicator('seed004-lingnan', 'groups').filter.kinds).toEqual(['group_session']);
  });

  it("notes the table's slip on 志愿者团队维系 (10 ÷ 6 is 166.67%, not 166.00%)", () => {
    expect(indicator('seed004-lingnan', 'active-teams').note).toContain('166.67%');
  });
});

describe('seed 000 (杏坛镇)', () => {
  it('sets large events at 50 and small/medium at 10–50 people, inclusive', () => {
    const t = template('seed000-xingtan');
    expect(t.draft.settings).toMatchObject({ largeEventMinAttendance: 50, smallEventMinAttendance: 10 });
    expect(indicator('seed000-xingtan', 'wsld-large-events').filter).toMatchObject({
      kinds: ['large_event'],
      attendanceMin: 50,
    });
    expect(indicator('seed000-xingtan', 'wsld-small-events').filter).toMatchObject({
      kinds: ['small_event'],
      attendanceMin: 10,
      attendanceMax: 50,
    });
  });

  it.each([
    ['wsld-large-events', 2, '场'],
    ['wsld-large-event-people', 400, '人次'],
    ['wsld-small-events', 20, '场'],
    ['wsld-small-event-people', 600, '人次'],
    ['wsld-stakeholder-meetings', 6, '次'],
    ['wsld-brochures', 1000, '本'],
    ['elder-home-visits', 100, '户'],
    ['elder-group-sessions', 20, '节'],
    ['elder-festival-events', 12, '次'],
    ['vol-new', 200, '人次'],
    ['vol-hours', 2000, '小时'],
    ['vol-participations', 4000, '人次'],
  ] as const)('%s: %d %s as printed', (id, total, unit) => {
    expect(indicator('seed000-xingtan', id)).toMatchObject({ unit, targets: { total } });
  });

  it('carries the home-visit staffing rules in the notes (2 people, 3 for elders, one man)', () => {
    expect(indicator('seed000-xingtan', 'wsld-home-visits').note).toContain('不低于2人，且至少配备1名男性社工或志愿者');
    expect(indicator('seed000-xingtan', 'elder-home-visits').note).toContain(
      '不低于3人，且至少配备1名男性社工或志愿者',
    );
  });

  it('counts the home visits that meet the staffing rule from the visit teams (入户次数)', () => {
    expect(indicator('seed000-xingtan', 'wsld-home-visits')).toMatchObject({
      measure: 'home_visits_staffed',
      filter: { kinds: ['home_visit'], serviceAreas: [] },
      unit: '次',
      targets: { total: 50 },
    });
    expect(indicator('seed000-xingtan', 'elder-home-visits')).toMatchObject({
      measure: 'home_visits_staffed',
      filter: { kinds: ['home_visit'], serviceAreas: ['elderly'] },
      unit: '户',
      targets: { total: 100 },
    });
    // 入户人员 (人次 of visitors) has no measure of its own: still entered by hand.
    expect(indicator('seed000-xingtan', 'elder-home-visit-workers').measure).toBe('manual_count');
  });
});

describe('seed 003 (乐至县) volunteer lines', () => {
  it.each([
    ['reg-volunteers', 'new_volunteers', 100, '人'],
    ['reg-hours', 'volunteer_hours', 300, '小时'],
    ['reg-teams', 'new_teams', 1, '个'],
    ['reg-projects', 'manual_count', 10, '个'],
  ] as const)('%s: %s, %d %s', (id, measure, total, unit) => {
    expect(indicator('seed003-lezhi', id)).toMatchObject({ measure, unit, targets: { total } });
  });

  it('asks for evidence where the registry holds the number', () => {
    expect(indicator('seed003-lezhi', 'reg-projects').evidence).toContain('中国志愿服务网');
  });
});

describe('seed 001 frequency rules', () => {
  it.each([
    ['elder-resource', 'month', 2],
    ['elder-care', 'month', 2],
    ['elder-followups', 'quarter', 1],
    ['org-activities', 'month', 1],
    ['charity-showcases', 'quarter', 1],
  ] as const)('%s: at least %s × %d', (id, every, atLeast) => {
    expect(indicator('seed001-minzheng-2024', id).frequency).toEqual({ every, atLeast });
  });

  it('counts an elder follow-up as a home or phone visit in 长者', () => {
    expect(indicator('seed001-minzheng-2024', 'elder-followups').filter).toMatchObject({
      kinds: ['home_visit', 'phone_visit'],
      serviceAreas: ['elderly'],
    });
  });
});

describe('contractFromTemplate', () => {
  const seed004 = () => template('seed004-lingnan');
  const station = ['area1', 'area2', 'area3'];

  it("puts the station's 片区 in place of the template's", () => {
    const made = contractFromTemplate(seed004(), {
      areaMap: { pianqu1: 'area1', pianqu2: 'area2', pianqu3: 'area3' },
      stationAreaIds: station,
      name: '岭南街2024年度合同',
    });
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    expect(made.draft.name).toBe('岭南街2024年度合同');
    expect(made.draft.areaIds).toEqual(['area1', 'area2', 'area3']);
    expect(made.draft.indicators.find((i) => i.id === 'large-events')!.targets).toEqual({
      byArea: { area1: 2, area2: 3, area3: 3 },
      total: 8,
    });
  });

  it('refuses two template 片区 mapped to one station 片区 (no target silently added to another)', () => {
    const made = contractFromTemplate(seed004(), {
      areaMap: { pianqu1: 'area1', pianqu2: 'area2', pianqu3: 'area2' },
      stationAreaIds: station,
    });
    expect(made).toEqual({
      ok: false,
      problems: [{ path: 'areaMap.pianqu3', message: '两个模板片区不能对应同一个本站片区' }],
    });
  });

  it('answers every unmapped, unknown or foreign 片区 at its field and makes nothing', () => {
    const made = contractFromTemplate(seed004(), {
      areaMap: { pianqu1: 'area9', pianqu4: 'area1' },
      stationAreaIds: station,
    });
    expect(made).toEqual({
      ok: false,
      problems: [
        { path: 'areaMap.pianqu1', message: '不是本站的片区' },
        { path: 'areaMap.pianqu2', message: '请选择模板中“pianqu2”对应的本站片区' },
        { path: 'areaMap.pianqu3', message: '请选择模板中“pianqu3”对应的本站片区' },
        { path: 'areaMap.pianqu4', message: '模板中没有这个片区' },
      ],
    });
  });

  it('refuses a period that ends before it starts', () => {
    const made = contractFromTemplate(template('seed000-xingtan'), {
      areaMap: {},
      stationAreaIds: station,
      periodStart: '2026-03-01',
      periodEnd: '2026-02-01',
    });
    expect(made.ok ? [] : made.problems.map((p) => p.path)).toEqual(['periodEnd']);
  });
});
