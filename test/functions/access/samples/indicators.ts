import type { ActionInput } from '@linli/types/api';
import { chinaDay } from '../fixtures';
import type { Samples } from '../sample';

const CONTRACT = 'ct_DemoLingnan';

/** Next year's contract: two indicators, the demo station's three 片区. */
const draft = (now: Date): ActionInput<'indicators', 'createContract'>['draft'] => {
  const year = Number(chinaDay(now).slice(0, 4)) + 1;
  return {
    name: '岭南街社工服务站购买服务项目（下一年度）',
    purchaser: '岭南街道办事处',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    areaIds: ['area1', 'area2', 'area3'],
    indicators: [
      { id: 'attendances', name: '服务人次', measure: 'attendances', unit: '人次', targets: { total: 3000 } },
      { id: 'brochures', name: '宣传册派发本数', measure: 'manual_count', unit: '本', targets: { total: 1000 } },
    ],
  };
};

export const indicators: Samples<'indicators'> = {
  contracts: { input: {} },
  contract: { input: { contractId: CONTRACT }, names: 'station' },
  createContract: { input: (fx) => ({ draft: draft(fx.now) }) },
  updateContract: {
    input: (fx) => ({
      contractId: CONTRACT,
      version: 1,
      draft: { ...draft(fx.now), periodStart: chinaDay(fx.now, -150) },
    }),
    names: 'station',
  },
  archiveContract: { input: { contractId: CONTRACT }, names: 'station' },
  templates: { input: {} },
  createFromTemplate: {
    input: {
      templateId: 'seed004-lingnan',
      areaMap: { pianqu1: 'area1', pianqu2: 'area2', pianqu3: 'area3' },
    },
  },
  recordCount: {
    input: (fx) => ({
      contractId: CONTRACT,
      indicatorId: 'brochures',
      areaId: 'area2',
      date: chinaDay(fx.now),
      value: 80,
      note: '宣传册派发登记表第3页',
      photoFileIds: [],
    }),
    names: 'station',
  },
  correctCount: {
    input: { rootId: 'mc_DemoBrochure1', version: 1, value: 110, reason: '登记表漏算一页' },
    names: 'station',
  },
  counts: { input: { contractId: CONTRACT, indicatorId: 'brochures' }, names: 'station' },
  dashboard: { input: { contractId: CONTRACT }, names: 'station' },
  drillDown: { input: { contractId: CONTRACT, indicatorId: 'attendances', areaId: null }, names: 'station' },
  recompute: { input: { contractId: CONTRACT }, names: 'station' },
  driftCheck: { input: { contractId: CONTRACT }, names: 'station' },
};
