import type { ContractSummary, Dashboard, IndicatorRow, ReportCell } from '@linli/types/entities/indicator-report';

export const contractSummary = (overrides: Partial<ContractSummary> = {}): ContractSummary => ({
  id: 'ct-2026',
  name: '岭南街2026年度项目',
  purchaser: '岭南街道办事处',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  status: 'active',
  indicatorCount: 2,
  version: 1,
  updatedAt: '2026-01-25T08:00:00+08:00',
  ...overrides,
});

export const cell = (overrides: Partial<ReportCell> = {}): ReportCell => ({
  areaId: 'area-1',
  areaName: '片区一',
  target: 6,
  done: 10,
  completion: '166.67%',
  doneText: '10',
  status: 'done',
  statusText: '已完成',
  expectedByNow: '5.40',
  ...overrides,
});

export const row = (overrides: Partial<IndicatorRow> = {}): IndicatorRow => ({
  id: 'large-events',
  section: '社区活动',
  name: '大型社区活动',
  unit: '场',
  measure: 'activities_held',
  measureLabel: '开展场次',
  filterText: '大型社区活动',
  evidence: '',
  note: '',
  rate: false,
  source: { id: 'activities', label: '活动', available: true, message: null },
  cells: [
    cell(),
    cell({
      areaId: 'area-2',
      areaName: '片区二',
      done: 2,
      doneText: '2',
      completion: '33.33%',
      status: 'behind',
      statusText: '落后于时间进度',
    }),
  ],
  total: cell({ areaId: null, areaName: '合计', target: 12, done: 12, doneText: '12', completion: '100.00%' }),
  frequency: null,
  ...overrides,
});

export const dashboard = (overrides: Partial<Dashboard> = {}): Dashboard => ({
  contract: contractSummary(),
  asOf: '2026-11-20T10:00:00+08:00',
  areas: [
    { id: 'area-1', name: '片区一' },
    { id: 'area-2', name: '片区二' },
  ],
  elapsed: { days: 324, totalDays: 365, share: '88.77%', text: '已过 324 / 365 天（88.77%）' },
  settingsText: '大型社区活动≥50人',
  notes: [],
  indicators: [
    row(),
    row({
      id: 'cases',
      name: '个案',
      unit: '个',
      measure: 'manual_count',
      measureLabel: '手工填报',
      filterText: '',
      source: { id: 'cases', label: '个案', available: false, message: '数据来源尚未启用：个案管理' },
      cells: [],
      total: cell({
        areaId: null,
        areaName: '合计',
        target: 5,
        done: null,
        doneText: '暂无数据',
        completion: null,
        status: 'unavailable',
        statusText: '数据来源尚未启用',
        expectedByNow: null,
      }),
      frequency: {
        every: 'month',
        atLeast: 2,
        label: '每月不少于2次',
        windows: [
          { key: '2026-01', label: '1月', partial: false, state: 'met', done: 3, doneText: '3' },
          { key: '2026-02', label: '2月', partial: false, state: 'short', done: 1, doneText: '1' },
        ],
        shortfalls: ['2026年2月'],
        unavailable: null,
      },
    }),
  ],
  freshness: [],
  ...overrides,
});
