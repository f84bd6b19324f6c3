import { strFromU8, unzipSync } from 'fflate';
import { indicatorSchema, contractSettingsSchema, type Indicator } from '@linli/types/entities/indicators';
import {
  completionGrid,
  completionRows,
  periodText,
  type CompletionTable,
  type GridCell,
} from '../../../cloudfunctions/_shared/domain/completion-table';
import {
  EMPTY_FACTS,
  UNAVAILABLE_SOURCES,
  type ContractContext,
  type IndicatorFacts,
} from '../../../cloudfunctions/_shared/domain/indicators';
import { completionWorkbook } from '../../../cloudfunctions/ledger/src/grid-xlsx';
import { readXlsx } from '../../../cli/import/xlsx-reader';

const indicator = (fields: Record<string, unknown>): Indicator => indicatorSchema.parse({ section: '', ...fields });

const INDICATORS = [
  // 志愿者团队维系 in seed 004: 10 done of 6 — the hand-made table printed 166.00%.
  indicator({
    id: 'teams-kept',
    section: '志愿者管理及培训',
    name: '志愿者团队维系',
    measure: 'manual_count',
    unit: '个',
    targets: { byArea: { area1: 6, area2: 4 }, total: 10 },
  }),
  indicator({
    id: 'hours',
    section: '志愿者',
    name: '服务时数',
    measure: 'volunteer_hours',
    unit: '小时',
    targets: { total: 2000 },
  }),
  indicator({
    id: 'new-teams',
    section: '志愿者',
    name: '新增志愿队伍',
    measure: 'new_teams',
    unit: '支',
    targets: { total: 3 },
  }),
  indicator({
    id: 'visits',
    section: '长者服务',
    name: '入户次数',
    measure: 'home_visits_staffed',
    unit: '户',
    targets: { total: 100 },
  }),
];

const ctx: ContractContext = {
  settings: contractSettingsSchema.parse({}),
  scopeAreaIds: ['area1', 'area2'],
  period: { from: '2024-01-25', to: '2024-08-31' },
};
const facts: IndicatorFacts = {
  ...EMPTY_FACTS,
  manual: [
    { indicatorId: 'teams-kept', areaId: 'area1', day: '2024-03-01', hundredths: 1000 },
    // After the report's days: not in a mid-term table.
    { indicatorId: 'teams-kept', areaId: 'area2', day: '2024-06-01', hundredths: 400 },
  ],
  volunteerDays: [
    { day: '2024-02-08', areaId: 'area1', minutes: 210, participations: 1 },
    { day: '2024-04-13', areaId: 'area2', minutes: 200, participations: 1 },
  ],
};
const MIDTERM = { from: '2024-01-25', to: '2024-04-30' };
const NOW = new Date('2024-05-14T02:00:00Z');

/**
 * Every source is enabled today; the table's footnote for one that is not is exercised with the
 * home-visit source switched off, as it was before visit teams were recorded.
 */
function withVisitsDisabled<T>(run: () => T): T {
  UNAVAILABLE_SOURCES.home_visit_staffing = '数据来源尚未启用：探访人员尚未登记';
  try {
    return run();
  } finally {
    delete UNAVAILABLE_SOURCES.home_visit_staffing;
  }
}

const table = (): CompletionTable => ({
  stationName: '岭南街社工服务站',
  contractName: '2024年度项目',
  range: MIDTERM,
  areas: [
    { id: 'area1', name: '片区1' },
    { id: 'area2', name: '片区2' },
  ],
  indicators: completionRows(INDICATORS, ctx, facts, ['area1', 'area2'], MIDTERM, NOW),
});

describe('completionRows', () => {
  it('computes 10 ÷ 6 as 166.67%, per 片区 and in total, over the report’s days only', () => {
    const [teams] = table().indicators;
    expect(teams!.cells).toEqual([
      { target: 6, done: 10, doneText: '10', completion: '166.67%' },
      { target: 4, done: 0, doneText: '0', completion: '0.00%' },
    ]);
    expect(teams!.total).toEqual({ target: 10, done: 10, doneText: '10', completion: '100.00%' });
  });

  it('shows hours with two decimals from whole minutes, and no 片区 target as null', () => {
    const hours = table().indicators[1]!;
    expect(hours.cells.map((c) => [c.target, c.doneText, c.completion])).toEqual([
      [null, '3.50', null],
      [null, '3.33', null],
    ]);
    expect(hours.total).toEqual({ target: 2000, done: 6.83, doneText: '6.83', completion: '0.34%' });
  });

  it('says why a number is missing: a station-wide measure per 片区, a source not enabled', () => {
    const [, , teams, visits] = withVisitsDisabled(() => table().indicators);
    expect(teams!.cells.every((c) => c.done === null)).toBe(true);
    expect(teams!.total.done).toBe(0);
    expect(teams!.unavailable).toBeNull();
    expect(visits!.total.done).toBeNull();
    expect(visits!.unavailable).toMatch(/^数据来源尚未启用/);
    // Enabled, the staffed home visits are a count like any other.
    const enabled = table().indicators[3]!;
    expect(enabled.total).toMatchObject({ done: 0, doneText: '0', completion: '0.00%' });
    expect(enabled.unavailable).toBeNull();
  });
});

describe('completionGrid (seed 004 附件1-1 layout)', () => {
  const text = (c: GridCell | null | undefined) => (c && 'value' in c ? c.value : c && 'text' in c ? c.text : c);

  it('prints the title with the period as the evaluator writes it', () => {
    expect(periodText(MIDTERM)).toBe('2024年1月25日至2024年4月30日');
    const grid = completionGrid(table());
    expect(text(grid[0]![0])).toBe('岭南街社工服务站 2024年度项目 指标完成情况统计表');
    expect(text(grid[1]![0])).toBe('（2024年1月25日至2024年4月30日）');
  });

  it('gives each indicator three columns — 协议量, 完成量, 百分比 — and a row per 片区 plus 合计', () => {
    const grid = completionGrid(withVisitsDisabled(table));
    expect(grid[3]![0]).toEqual({ kind: 'header', text: '片区', rowSpan: 3 });
    // Sections span their indicators: 志愿者 holds two (six columns).
    expect(grid[3]![4]).toEqual({ kind: 'header', text: '志愿者', columnSpan: 6 });
    expect(grid[4]![1]).toEqual({ kind: 'header', text: '志愿者团队维系（个）', columnSpan: 3 });
    expect(grid[5]!.slice(1, 4).map(text)).toEqual(['协议量', '完成量', '百分比']);
    expect(grid.slice(6, 9).map((row) => row.slice(0, 4).map(text))).toEqual([
      ['片区1', 6, 10, 1.6667],
      ['片区2', 4, 0, 0],
      ['合计', 10, 10, 1],
    ]);
    expect(grid[6]![3]).toEqual({ kind: 'percent', value: 1.6667, text: '166.67%' });
    // Hours: no 片区 target reads "/", done keeps two decimals.
    expect(grid[6]!.slice(4, 7)).toEqual([
      { kind: 'empty', text: '/' },
      { kind: 'number', value: 3.5, decimals: 2 },
      { kind: 'empty', text: '/' },
    ]);
    // A number that cannot be counted reads "—", with its reason as a footnote.
    expect(grid[6]![8]).toEqual({ kind: 'empty', text: '—' });
    expect(text(grid[9]![0])).toMatch(/^注：入户次数：数据来源尚未启用/);
  });

  it('starts a new block after six indicators', () => {
    const many = {
      ...table(),
      indicators: Array.from({ length: 7 }, (_, i) => ({ ...table().indicators[0]!, id: `i${i}` })),
    };
    const grid = completionGrid(many);
    const blockStarts = grid.flatMap((row, i) => (text(row[0]) === '片区' ? [i] : []));
    expect(blockStarts).toEqual([3, 10]);
    expect(grid.every((row) => row.length === 19)).toBe(true);
  });
});

describe('the xlsx', () => {
  it('holds the numbers as numbers, percentages formatted 0.00%, and merged headers', async () => {
    const buffer = await completionWorkbook(table());
    const { sheets } = readXlsx(new Uint8Array(buffer));
    expect(sheets.map((s) => s.name)).toEqual(['指标完成情况']);
    const rows = sheets[0]!.rows;
    expect(rows[5]!.slice(0, 4)).toEqual([null, '协议量', '完成量', '百分比']);
    expect(rows[6]!.slice(0, 7)).toEqual(['片区1', 6, 10, 1.6667, '/', 3.5, '/']);
    expect(rows[8]!.slice(0, 7)).toEqual(['合计', 10, 10, 1, 2000, 6.83, 0.0034]);
    const files = unzipSync(new Uint8Array(buffer));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    for (const merged of ['A4:A6', 'B4:D4', 'E4:J4', 'B5:D5']) expect(sheetXml).toContain(`ref="${merged}"`);
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="0.00%"');
  });
});
