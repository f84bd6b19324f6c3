import path from 'node:path';
import { importRecords } from '../../../cli/commands/import-records';
import { readXlsx } from '../../../cli/import/xlsx-reader';
import type { Cell } from '../../../cli/import/sheet';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';

/**
 * ledger.completionTable and ledger.evidencePack over a small station's 2024 records: the example
 * 台账 (docs/examples, imported as `npx linli import` does) under seed 004's template, whose 片区
 * 1/2/3 are the demo station's 第一/第二/第三片区.
 */
const ADMIN = 'oDemoAdmin0001';
const SOCIAL = 'oDemoSocial0001';
const OTHER_SOCIAL = 'oDemoOtherSW01';
const EXAMPLE = path.join(__dirname, '../../../docs/examples/台账示例.xlsx');
const silent = { result: () => undefined, progress: () => undefined, note: () => undefined, error: () => undefined };

let h: FunctionHarness;
let contractId: string;
beforeAll(async () => {
  h = await startFunctionHarness();
  const imported = await importRecords(h.db, EXAMPLE, {
    station: DEMO_STATION_ID,
    dryRun: false,
    now: new Date(),
    out: silent,
  });
  expect(imported.errors).toEqual([]);
  const contract = await h.ok(ADMIN, 'indicators', 'createFromTemplate', {
    templateId: 'seed004-lingnan',
    areaMap: { pianqu1: 'area1', pianqu2: 'area2', pianqu3: 'area3' },
  });
  contractId = contract.id;
});
afterAll(async () => {
  await h.close();
});

const workbook = (content: Uint8Array) => readXlsx(new Uint8Array(content)).sheets;
const sheetNamed = (content: Uint8Array, name: string): Cell[][] => {
  const sheet = workbook(content).find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.rows;
};

/**
 * The 协议量/完成量/百分比 triple of an indicator in a 片区's row: found by its section (the
 * merged cell above, starting at or left of it) and its header, as a person reads the table.
 */
function triple(rows: Cell[][], section: string, indicatorHeader: string, rowLabel: string): Cell[] {
  for (let r = 1; r < rows.length; r += 1) {
    for (let column = 1; column < rows[r]!.length; column += 1) {
      if (rows[r]![column] !== indicatorHeader) continue;
      let c = column;
      while (c > 1 && (rows[r - 1]![c] ?? null) === null) c -= 1;
      if (rows[r - 1]![c] !== section) continue;
      const row = rows.slice(r + 2).find((line) => line[0] === rowLabel)!;
      return row.slice(column, column + 3);
    }
  }
  throw new Error(`no column ${section}·${indicatorHeader}`);
}

describe('ledger.completionTable', () => {
  it('lays out every indicator per 片区 and 合计 with the numbers the records prove', async () => {
    const file = await h.okFile(SOCIAL, 'ledger', 'completionTable', {
      contractId,
      fromDate: '2024-01-25',
      toDate: '2024-04-30',
    });
    expect(file.fileName).toBe('指标完成情况-广州市岭南街社工服务站购买服务项目-2024-01-25至2024-04-30.xlsx');
    const rows = sheetNamed(file.content, '指标完成情况');
    expect(rows[1]).toEqual(['（2024年1月25日至2024年4月30日）']);
    // 春节游园会: 55 signed in → large. 元宵猜灯谜, planned large, drew 30 → small/medium.
    expect(triple(rows, '大型社区活动', '次数（次）', '第一片区')).toEqual([2, 1, 0.5]);
    expect(triple(rows, '大型社区活动', '人次（人次）', '第一片区')).toEqual([200, 55, 0.275]);
    expect(triple(rows, '大型社区活动', '次数（次）', '合计')).toEqual([8, 1, 0.125]);
    expect(triple(rows, '中小型社区活动', '人次（人次）', '合计')).toEqual([900, 42, 0.0467]);
    // The 小组: three sessions in 第二片区, 6 + 5 + 6 people.
    expect(triple(rows, '专业小组', '个数（个）', '第二片区')).toEqual([8, 1, 0.125]);
    expect(triple(rows, '专业小组', '节数（节）', '第二片区')).toEqual([40, 3, 0.075]);
    expect(triple(rows, '专业小组', '人次（人次）', '第二片区')).toEqual([200, 17, 0.085]);
    // Volunteers: three approved in the period, two of them 骨干; no 片区 target.
    expect(triple(rows, '志愿者', '新增志愿者（人）', '第一片区')).toEqual(['/', 1, '/']);
    expect(triple(rows, '志愿者', '新增志愿者（人）', '合计')).toEqual([70, 3, 0.0429]);
    expect(triple(rows, '志愿者', '新增志愿者骨干（人）', '合计')).toEqual([24, 2, 0.0833]);
    // A station-wide measure has no 片区 number.
    expect(triple(rows, '志愿者', '新增志愿队伍（支）', '第一片区')).toEqual(['/', '—', '/']);
  });

  it('computes 5 ÷ 3 as 166.67% and counts only the days asked for', async () => {
    await h.ok(ADMIN, 'indicators', 'recordCount', {
      contractId,
      indicatorId: 'party-agreements',
      areaId: null,
      date: '2024-03-01',
      value: 5,
      note: '结对共建协议5份（存档）',
      photoFileIds: [],
    });
    const midterm = await h.okFile(SOCIAL, 'ledger', 'completionTable', {
      contractId,
      fromDate: '2024-01-25',
      toDate: '2024-04-30',
    });
    expect(triple(sheetNamed(midterm.content, '指标完成情况'), '党建引领项目', '共建协议（份）', '合计')).toEqual([
      3, 5, 1.6667,
    ]);
    const february = await h.okFile(SOCIAL, 'ledger', 'completionTable', {
      contractId,
      fromDate: '2024-01-25',
      toDate: '2024-02-29',
    });
    const rows = sheetNamed(february.content, '指标完成情况');
    expect(triple(rows, '党建引领项目', '共建协议（份）', '合计')).toEqual([3, 0, 0]);
    expect(triple(rows, '大型社区活动', '次数（次）', '第一片区')).toEqual([2, 1, 0.5]);
    expect(triple(rows, '专业小组', '节数（节）', '第二片区')).toEqual([40, 0, 0]);
  });

  it('answers another station as if the contract did not exist, refuses residents and days outside the contract', async () => {
    const input = { contractId, fromDate: '2024-01-25', toDate: '2024-04-30' };
    expect(await h.errorCode(OTHER_SOCIAL, 'ledger', 'completionTable', input)).toBe('NOT_FOUND');
    expect(await h.errorCode('oDemoResident01', 'ledger', 'completionTable', input)).toBe('FORBIDDEN');
    const outside = await h.call(SOCIAL, 'ledger', 'completionTable', { ...input, toDate: '2024-09-30' });
    expect(outside.ok ? null : outside.error).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'toDate', message: '须在合同期（2024-01-25至2024-08-31）内' }],
    });
  });
});

describe('ledger.evidencePack', () => {
  beforeAll(async () => {
    // Satisfaction forms of 春节游园会 (two satisfied of three), and a manual count's photo.
    const fair = (await h.db.dump('activities')).find((a) => a.title === '春节游园会')!;
    await h.db.insertMany(
      'survey_responses',
      [1, 1, 0].map((satisfied, i) => ({
        _id: `resp-${i}`,
        activityId: fair._id,
        stationId: DEMO_STATION_ID,
        areaId: 'area1',
        kind: 'large_event',
        activityEndAt: fair.endAt,
        status: 'submitted',
        hasOverall: 1,
        isSatisfied: satisfied,
      })),
    );
    await h.db.insertMany('indicator_manual_counts', [
      {
        _id: 'mc_photo1',
        rootId: 'mc_photo1',
        version: 1,
        stationId: DEMO_STATION_ID,
        contractId,
        indicatorId: 'community-research',
        areaId: null,
        date: '2024-03-15',
        hundredths: 100,
        note: '扬仁社区需求调研报告',
        photoFileIds: ['cloud://linli/uploads/oDemoAdmin0001/research-cover.jpg'],
        recordedBy: ADMIN,
        recordedByName: '陈站长',
        recordedAt: new Date('2024-03-15T08:00:00Z'),
      },
    ]);
  });

  it('lists every session held, the kind it counts as and why, its indicators, 人次 and satisfaction', async () => {
    const file = await h.okFile(SOCIAL, 'ledger', 'evidencePack', {
      contractId,
      fromDate: '2024-01-25',
      toDate: '2024-04-30',
    });
    expect(workbook(file.content).map((s) => s.name)).toEqual(['说明', '活动清单', '签到表', '照片', '志愿服务时数']);
    const rows = sheetNamed(file.content, '活动清单');
    expect(rows[0]).toEqual([
      '序号',
      '日期',
      '活动名称',
      '计划类型',
      '认定类型',
      '认定理由',
      '计入指标',
      '片区',
      '社区',
      '人次',
      '签到记录',
      '满意度',
    ]);
    const byTitle = (title: string) => rows.find((r) => r[2] === title)!;
    expect(rows.slice(1, -1).map((r) => r[2])).toEqual([
      '春节游园会',
      '元宵猜灯谜',
      '长者互助小组（第1节）',
      '长者互助小组（第2节）',
      '长者互助小组（第3节）',
      '亲子手工坊',
      '社区议事会',
    ]);
    expect(byTitle('春节游园会')).toEqual([
      1,
      '2024-02-08',
      '春节游园会',
      '大型社区活动',
      '大型社区活动',
      '计划为大型社区活动，实际签到55人，达到50人，按大型社区活动计',
      '大型社区活动·次数；大型社区活动·人次',
      '第一片区',
      '光复社区',
      55,
      11,
      '66.67%（3人评分）',
    ]);
    expect(byTitle('元宵猜灯谜').slice(3, 7)).toEqual([
      '大型社区活动',
      '中小型社区活动',
      '计划为大型社区活动，实际签到30人，未达50人，按中小型社区活动计',
      '中小型社区活动·次数；中小型社区活动·人次',
    ]);
    expect(byTitle('社区议事会').slice(4, 7)).toEqual([
      '不计入',
      '计划为中小型社区活动，实际签到8人，未达中小型社区活动10人的标准，不计入',
      '无',
    ]);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['合计', '7场（节）']);
    expect(rows.at(-1)![9]).toBe(55 + 30 + 17 + 12 + 8);
  });

  it('carries each session’s sign-in sheet, the photos held and each volunteer’s approved hours', async () => {
    const file = await h.okFile(ADMIN, 'ledger', 'evidencePack', {
      contractId,
      fromDate: '2024-01-25',
      toDate: '2024-04-30',
    });
    const sheets = sheetNamed(file.content, '签到表').map((r) => r.filter((c) => c !== null).join('|'));
    expect(sheets).toContain('活动：长者互助小组（第2节）（小组（节））');
    expect(sheets).toContain('签到合计：55人次');
    expect(sheets.find((r) => r.includes('梁婆婆'))).toBe(
      '1|梁婆婆|光复社区|6|2024-02-08 08:40|纸质签到补录|导入|导入自 台账示例.xlsx',
    );
    expect(sheetNamed(file.content, '照片').slice(1)).toEqual([
      [
        1,
        '2024-03-15',
        '手工填报：社区调研',
        '扬仁社区需求调研报告',
        'research-cover.jpg',
        'cloud://linli/uploads/oDemoAdmin0001/research-cover.jpg',
      ],
    ]);
    // 周晓明's second entry has no reviewer: pending, not counted.
    expect(sheetNamed(file.content, '志愿服务时数')).toEqual([
      ['序号', '志愿者', '手机号(后四位)', '服务次数', '服务时长(小时)'],
      [1, '吴佳', '0102', 2, 5],
      [2, '周晓明', '0101', 1, 3.5],
      [3, '郑海', '0103', 1, 3.33],
      ['合计', '3人', null, 4, 11.83],
    ]);
    const everything = workbook(file.content)
      .flatMap((s) => s.rows.flat())
      .join(' ');
    expect(everything).not.toMatch(/1[3-9]\d{9}/);
  });

  it('refuses, rather than cuts short, a period with more sign-ins than one file may carry', async () => {
    // The limit (20 000 by default) as an operator may set it, small enough for a test.
    process.env.LINLI_EVIDENCE_MAX_SIGN_INS = '1500';
    const june = { contractId, fromDate: '2024-06-01', toDate: '2024-06-30' };
    const signIns = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => {
        const i = from + k;
        return {
          _id: `bulk.${i}`,
          activityId: 'BulkAct001',
          stationId: DEMO_STATION_ID,
          areaId: 'area1',
          kind: 'small_event',
          activityStartAt: new Date('2024-06-10T02:00:00Z'),
          personId: `bulk-${i}`,
          personName: `居民${i}`,
          communityId: 'comm1',
          headcount: 1,
          signedInAt: new Date('2024-06-10T02:00:00Z'),
          method: 'paper',
          recordedBy: SOCIAL,
          history: [],
        };
      });
    try {
      await h.db.insertMany('attendance', signIns(0, 1500));
      const full = await h.okFile(SOCIAL, 'ledger', 'evidencePack', june);
      expect(sheetNamed(full.content, '签到表').length).toBe(0); // no activity documents: records alone list nothing
      await h.db.insertMany('attendance', signIns(1500, 1501));
      expect(await h.errorCode(SOCIAL, 'ledger', 'evidencePack', june)).toBe('EXPORT_TOO_LARGE');
    } finally {
      delete process.env.LINLI_EVIDENCE_MAX_SIGN_INS;
    }
  });
});
