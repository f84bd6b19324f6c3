import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { dayOf } from '../../../cloudfunctions/_shared/domain/indicator-periods';
import {
  ADMIN,
  createContract,
  draftFor,
  monthStart,
  OTHER_SOCIAL,
  RESIDENT,
  SOCIAL,
  SOCIAL2,
  VOLUNTEER,
} from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

/** What a test stored, without the demo data's own (marked demo). */
const ours = async (collection: string) => (await h.db.dump(collection)).filter((d) => !d.demo);

/** The demo station's own contract (local/demo/seed.ts). */
const DEMO_CONTRACT = 'ct_DemoLingnan';

const BROCHURES = {
  id: 'brochures',
  section: '社区宣传册子',
  name: '派发本数',
  measure: 'manual_count',
  unit: '本',
  targets: { byArea: { area1: 400, area2: 300, area3: 300 }, total: 1000 },
  evidence: '宣传册派发登记表',
} as const;
const EVENTS = {
  id: 'events',
  name: '开展场次',
  measure: 'activities_held',
  unit: '场',
  targets: { total: 20 },
} as const;
const today = () => dayOf(new Date());

describe('who may do what', () => {
  it('lets the 站长 write contracts, social workers only read them, residents and volunteers nothing', async () => {
    const draft = draftFor([EVENTS]);
    const made = await h.ok(ADMIN, 'indicators', 'createContract', { draft });
    expect(made).toMatchObject({
      name: draft.name,
      status: 'active',
      version: 1,
      indicatorCount: 1,
      areaIds: ['area1', 'area2', 'area3'],
    });

    expect(await h.errorCode(SOCIAL, 'indicators', 'createContract', { draft })).toBe('FORBIDDEN');
    expect(await h.errorCode(SOCIAL, 'indicators', 'updateContract', { contractId: made.id, version: 1, draft })).toBe(
      'FORBIDDEN',
    );
    expect(await h.errorCode(SOCIAL, 'indicators', 'archiveContract', { contractId: made.id })).toBe('FORBIDDEN');
    expect((await h.ok(SOCIAL, 'indicators', 'contracts', {})).items.map((c) => c.id)).toEqual(
      expect.arrayContaining([made.id, DEMO_CONTRACT]),
    );
    expect(await h.ok(SOCIAL2, 'indicators', 'contract', { contractId: made.id })).toEqual(made);
    await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId: made.id });

    for (const who of [RESIDENT, VOLUNTEER]) {
      expect(await h.errorCode(who, 'indicators', 'contracts', {})).toBe('FORBIDDEN');
      expect(await h.errorCode(who, 'indicators', 'dashboard', { contractId: made.id })).toBe('FORBIDDEN');
      expect(
        await h.errorCode(who, 'indicators', 'recordCount', {
          contractId: made.id,
          indicatorId: 'events',
          areaId: null,
          date: today(),
          value: 1,
          note: '不该成功',
        }),
      ).toBe('FORBIDDEN');
    }
    expect(await h.errorCode('oNobodyYet0001', 'indicators', 'contracts', {})).toBe('PROFILE_REQUIRED');
  });

  it("answers another station's contract as not found, whatever the action", async () => {
    const made = await createContract(h, [BROCHURES]);
    const id = { contractId: made.id };
    expect(await h.errorCode(OTHER_SOCIAL, 'indicators', 'contract', id)).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'indicators', 'dashboard', id)).toBe('NOT_FOUND');
    expect(
      await h.errorCode(OTHER_SOCIAL, 'indicators', 'drillDown', { ...id, indicatorId: 'brochures', areaId: null }),
    ).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'indicators', 'driftCheck', id)).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'indicators', 'recompute', id)).toBe('NOT_FOUND');
    expect(await h.errorCode(OTHER_SOCIAL, 'indicators', 'counts', id)).toBe('NOT_FOUND');
    expect(
      await h.errorCode(OTHER_SOCIAL, 'indicators', 'recordCount', {
        ...id,
        indicatorId: 'brochures',
        areaId: null,
        date: today(),
        value: 5,
        note: '别站的填报',
      }),
    ).toBe('NOT_FOUND');
    expect((await h.ok(OTHER_SOCIAL, 'indicators', 'contracts', {})).items).toEqual([]);
    const entry = await h.ok(SOCIAL, 'indicators', 'recordCount', {
      ...id,
      indicatorId: 'brochures',
      areaId: 'area1',
      date: today(),
      value: 5,
      note: '派发登记表第1页',
    });
    expect(
      await h.errorCode(OTHER_SOCIAL, 'indicators', 'correctCount', {
        rootId: entry.rootId,
        version: 1,
        value: 0,
        reason: '想改别站的数',
      }),
    ).toBe('NOT_FOUND');
  });
});

describe('writing a contract', () => {
  it('refuses 片区, targets and communities that are not the station’s, and changes nothing', async () => {
    const draft = draftFor(
      [
        { ...EVENTS, targets: { byArea: { area9: 3 } } },
        {
          id: 'c',
          name: '社区活动',
          measure: 'activities_held',
          unit: '场',
          filter: { communityIds: ['nowhere'] },
          targets: {},
        },
      ],
      { areaIds: ['area1', 'area2', 'area3'] },
    );
    const result = await h.call(ADMIN, 'indicators', 'createContract', { draft });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.map((f) => [f.path, f.message])).toEqual([
      ['draft.indicators.0.targets.byArea.area9', '片区不在本合同范围内'],
      ['draft.indicators.1.filter.communityIds.0', '不是本站的社区'],
    ]);
    const scope = await h.call(ADMIN, 'indicators', 'createContract', {
      draft: draftFor([EVENTS], { areaIds: ['area1', 'elsewhere'] }),
    });
    expect(!scope.ok && scope.error.fields?.[0]).toEqual({ path: 'draft.areaIds.1', message: '不是本站的片区' });
    expect(await ours('contracts')).toEqual([]);
  });

  it('refuses what the engine cannot count, in words, and a reversed period', async () => {
    const rate = await h.call(ADMIN, 'indicators', 'createContract', {
      draft: draftFor([
        {
          id: 's',
          name: '满意度',
          measure: 'satisfaction_rate',
          unit: '%',
          targets: { total: 80 },
          frequency: { every: 'month', atLeast: 1 },
        },
      ]),
    });
    expect(!rate.ok && rate.error.message).toBe('满意度：满意度不能设置按月或按季度的次数要求');
    const reversed = await h.call(ADMIN, 'indicators', 'createContract', {
      draft: draftFor([EVENTS], { periodStart: '2026-12-01', periodEnd: '2026-01-01' }),
    });
    expect(!reversed.ok && reversed.error.fields?.[0]).toMatchObject({
      path: 'draft.periodEnd',
      message: '结束日期不能早于开始日期',
    });
  });

  it('updates only the version read: a second admin editing the same version is told to refresh', async () => {
    const made = await createContract(h, [EVENTS]);
    const edit = draftFor([{ ...EVENTS, targets: { total: 25 } }]);
    const updated = await h.ok(ADMIN, 'indicators', 'updateContract', { contractId: made.id, version: 1, draft: edit });
    expect(updated).toMatchObject({ version: 2, indicators: [{ targets: { total: 25 } }] });
    expect(
      await h.errorCode(ADMIN, 'indicators', 'updateContract', {
        contractId: made.id,
        version: 1,
        draft: draftFor([EVENTS]),
      }),
    ).toBe('CONFLICT');
    expect((await h.ok(ADMIN, 'indicators', 'contract', { contractId: made.id })).indicators[0]!.targets.total).toBe(
      25,
    );
  });

  it('races: of two edits of the same version, exactly one lands', async () => {
    const made = await createContract(h, [EVENTS]);
    const results = await Promise.all(
      [30, 40].map((total) =>
        h.call(ADMIN, 'indicators', 'updateContract', {
          contractId: made.id,
          version: 1,
          draft: draftFor([{ ...EVENTS, targets: { total } }]),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT']);
    expect((await h.ok(ADMIN, 'indicators', 'contract', { contractId: made.id })).version).toBe(2);
  });

  it('archives once; an archived contract takes no edits or counts, and leaves the list', async () => {
    const made = await createContract(h, [BROCHURES]);
    const archived = await h.ok(ADMIN, 'indicators', 'archiveContract', { contractId: made.id });
    expect(archived).toMatchObject({ status: 'archived', version: 2 });
    expect(await h.ok(ADMIN, 'indicators', 'archiveContract', { contractId: made.id })).toEqual(archived);
    expect(
      await h.errorCode(ADMIN, 'indicators', 'updateContract', {
        contractId: made.id,
        version: 2,
        draft: draftFor([BROCHURES]),
      }),
    ).toBe('CONTRACT_ARCHIVED');
    expect(
      await h.errorCode(SOCIAL, 'indicators', 'recordCount', {
        contractId: made.id,
        indicatorId: 'brochures',
        areaId: null,
        date: today(),
        value: 1,
        note: '归档后填报',
      }),
    ).toBe('CONTRACT_ARCHIVED');
    expect((await h.ok(ADMIN, 'indicators', 'contracts', {})).items.map((c) => c.id)).toEqual([DEMO_CONTRACT]);
    expect(
      (await h.ok(ADMIN, 'indicators', 'contracts', { includeArchived: true })).items.map((c) => [c.id, c.status]),
    ).toEqual(
      expect.arrayContaining([
        [made.id, 'archived'],
        [DEMO_CONTRACT, 'active'],
      ]),
    );
    // Still readable: an evaluator may ask about last year's.
    await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId: made.id });
  });

  it('creates once however often a lost answer is retried', async () => {
    const draft = draftFor([EVENTS]);
    const first = await h.ok(ADMIN, 'indicators', 'createContract', { draft }, 'req-create-1');
    const again = await h.ok(ADMIN, 'indicators', 'createContract', { draft }, 'req-create-1');
    expect(again).toEqual(first);
    expect(await ours('contracts')).toHaveLength(1);
  });
});

describe('templates', () => {
  it('lists the transcribed templates to staff and makes a contract from one, its 片区 mapped', async () => {
    const { items } = await h.ok(SOCIAL, 'indicators', 'templates', {});
    const seed004 = items.find((t) => t.id === 'seed004-lingnan')!;
    expect(seed004.draft.areaIds).toEqual(['pianqu1', 'pianqu2', 'pianqu3']);
    expect(
      await h.errorCode(SOCIAL, 'indicators', 'createFromTemplate', { templateId: 'seed004-lingnan', areaMap: {} }),
    ).toBe('FORBIDDEN');

    const missing = await h.call(ADMIN, 'indicators', 'createFromTemplate', {
      templateId: 'seed004-lingnan',
      areaMap: { pianqu1: 'area1' },
    });
    expect(!missing.ok && missing.error.fields?.map((f) => f.path)).toEqual(['areaMap.pianqu2', 'areaMap.pianqu3']);

    const made = await h.ok(ADMIN, 'indicators', 'createFromTemplate', {
      templateId: 'seed004-lingnan',
      areaMap: { pianqu1: 'area1', pianqu2: 'area2', pianqu3: 'area3' },
      periodStart: '2026-01-25',
      periodEnd: '2026-08-31',
    });
    expect(made).toMatchObject({
      templateId: 'seed004-lingnan',
      periodStart: '2026-01-25',
      areaIds: ['area1', 'area2', 'area3'],
    });
    expect(made.indicators.find((i) => i.id === 'large-events')!.targets).toEqual({
      byArea: { area1: 2, area2: 3, area3: 3 },
      total: 8,
    });
    const dashboard = await h.ok(ADMIN, 'indicators', 'dashboard', { contractId: made.id });
    expect(dashboard.indicators).toHaveLength(seed004.draft.indicators.length);
    expect(await h.errorCode(ADMIN, 'indicators', 'createFromTemplate', { templateId: 'no-such', areaMap: {} })).toBe(
      'NOT_FOUND',
    );
  });
});

describe('manual counts', () => {
  const day = (offset: number, d: number) => monthStart(offset).date(d).format('YYYY-MM-DD');

  it('records a number with its evidence, by whom; corrections are new versions and only the latest counts', async () => {
    const { id: contractId } = await createContract(h, [BROCHURES, EVENTS]);
    const base = { contractId, indicatorId: 'brochures' } as const;
    const evidence = await h.upload(SOCIAL);
    // Someone else's file is refused: evidence must be the recorder's own upload.
    const foreign = await h.call(SOCIAL, 'indicators', 'recordCount', {
      ...base,
      areaId: 'area1',
      date: day(-2, 3),
      value: 300,
      note: '宣传册派发登记表（3月）',
      photoFileIds: [await h.upload(SOCIAL2)],
    });
    expect(!foreign.ok && foreign.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'photoFileIds.0' }] });
    const first = await h.ok(SOCIAL, 'indicators', 'recordCount', {
      ...base,
      areaId: 'area1',
      date: day(-2, 3),
      value: 300,
      note: '宣传册派发登记表（3月）',
      photoFileIds: [evidence],
    });
    expect(first).toMatchObject({
      version: 1,
      value: 300,
      areaName: '第一片区',
      recordedByName: '李社工',
      current: true,
      photoFileIds: [evidence],
    });
    await h.ok(SOCIAL2, 'indicators', 'recordCount', {
      ...base,
      areaId: null,
      date: day(-1, 9),
      value: 120.5,
      note: '全站宣传日',
    });

    const corrected = await h.ok(ADMIN, 'indicators', 'correctCount', {
      rootId: first.rootId,
      version: 1,
      value: 280,
      reason: '登记表重复计了20本',
    });
    expect(corrected).toMatchObject({
      version: 2,
      value: 280,
      note: '宣传册派发登记表（3月）',
      reason: '登记表重复计了20本',
      recordedByName: '陈站长',
    });
    // Correcting the old version again: someone already did.
    expect(
      await h.errorCode(SOCIAL, 'indicators', 'correctCount', {
        rootId: first.rootId,
        version: 1,
        value: 1,
        reason: '再改一次',
      }),
    ).toBe('CONFLICT');

    const { items } = await h.ok(SOCIAL, 'indicators', 'counts', { contractId });
    expect(items.map((m) => [m.value, m.version, m.current])).toEqual([
      [120.5, 1, true],
      [280, 2, true],
      [300, 1, false],
    ]);
    const row = (await h.ok(SOCIAL, 'indicators', 'dashboard', { contractId })).indicators.find(
      (r) => r.id === 'brochures',
    )!;
    expect([...row.cells, row.total].map((c) => c.doneText)).toEqual(['280', '0', '0', '400.50']);
    expect(row.total.completion).toBe('40.05%');
    expect(row.cells[0]!.completion).toBe('70.00%');

    const drill = await h.ok(SOCIAL, 'indicators', 'drillDown', {
      contractId,
      indicatorId: 'brochures',
      areaId: 'area1',
    });
    expect(drill).toMatchObject({ kind: 'manual', total: 1 });
  });

  it('refuses counts for measured indicators, other 片区, outside the period or in the future', async () => {
    const { id: contractId } = await createContract(h, [BROCHURES, EVENTS]);
    const entry = {
      contractId,
      indicatorId: 'brochures',
      areaId: 'area1',
      date: day(-1, 1),
      value: 10,
      note: '派发登记',
    } as const;
    const refused = async (over: object) => {
      const r = await h.call(SOCIAL, 'indicators', 'recordCount', { ...entry, ...over });
      return r.ok ? null : [r.error.code, r.error.fields?.[0]?.path, r.error.message];
    };
    expect(await refused({ indicatorId: 'events' })).toEqual([
      'INVALID_INPUT',
      'indicatorId',
      '该指标由系统根据记录自动统计，不能手工填报',
    ]);
    expect(await refused({ indicatorId: 'nope' })).toEqual(['NOT_FOUND', undefined, '合同中没有这个指标']);
    expect(await refused({ areaId: 'area9' })).toEqual(['INVALID_INPUT', 'areaId', '片区不在本合同范围内']);
    expect((await refused({ date: '2020-01-01' }))?.[1]).toBe('date');
    expect(await refused({ date: day(1, 1) })).toEqual(['INVALID_INPUT', 'date', '不能填报未来日期的数量']);
    expect((await refused({ value: -1 }))?.[0]).toBe('INVALID_INPUT');
    expect((await refused({ value: 1.234 }))?.[2]).toContain('两位小数');
    expect((await refused({ note: '' }))?.[1]).toBe('note');
    expect(await ours('indicator_manual_counts')).toEqual([]);
  });

  it('records once per requestId, and of two racing corrections of one version keeps one', async () => {
    const { id: contractId } = await createContract(h, [BROCHURES]);
    const input = {
      contractId,
      indicatorId: 'brochures',
      areaId: null,
      date: day(-1, 2),
      value: 50,
      note: '派发登记',
    } as const;
    const a = await h.ok(SOCIAL, 'indicators', 'recordCount', input, 'req-count-1');
    const b = await h.ok(SOCIAL, 'indicators', 'recordCount', input, 'req-count-1');
    expect(b).toEqual(a);
    const results = await Promise.all(
      [60, 70, 80].map((value) =>
        h.call(SOCIAL, 'indicators', 'correctCount', { rootId: a.rootId, version: 1, value, reason: '核对后更正' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CONFLICT')).toBe(true);
    expect(await ours('indicator_manual_counts')).toHaveLength(2);
  });
});

describe('the demo station', () => {
  it('has a contract whose table answers every indicator', async () => {
    const { items } = await h.ok(SOCIAL, 'indicators', 'contracts', {});
    const demo = items.find((c) => c.name.includes('演示'))!;
    const dashboard = await h.ok(ADMIN, 'indicators', 'dashboard', { contractId: demo.id });
    expect(dashboard.indicators).toHaveLength(demo.indicatorCount);
    const byId = new Map(dashboard.indicators.map((r) => [r.id, r]));
    expect(byId.get('brochures')!.cells[0]!.doneText).toBe('120');
    // The demo's two home visits: 冯伯's family (staffed) counts, 梁婆婆's (one social worker) does not.
    expect(byId.get('home-visits')!.total.doneText).toBe('1');
    expect(byId.get('new-volunteers')!.total.doneText).toBe('1'); // 赵志愿, approved 29 days ago
    expect(dashboard.freshness.some((f) => f.source === 'upcoming')).toBe(true);
  });
});
