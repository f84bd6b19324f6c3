import type { Dashboard, IndicatorRow } from '@linli/types/entities/indicator-report';
import type { ContractSettings } from '@linli/types/entities/indicators';
import { percentText, ratio } from '../../../_shared/domain/exact-ratio';
import { elapsedOf } from '../../../_shared/domain/indicator-periods';
import { isRateMeasure, reportIndicator, type Cell, type IndicatorReport } from '../../../_shared/domain/indicators';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { contractAreas, loadContract, loadStation, toContractSummary } from '../contracts';
import { loadContractFacts } from '../../../_shared/queries/contract-facts';

/** The contract's counting thresholds in words, printed above the table. */
export function settingsText(s: ContractSettings): string {
  const small =
    s.smallEventMaxAttendance !== undefined
      ? `${s.smallEventMinAttendance}–${s.smallEventMaxAttendance}人`
      : `${s.smallEventMinAttendance}人以上`;
  return [
    `大型社区活动：${s.largeEventMinAttendance}人以上`,
    `中小型社区活动：${small}`,
    `讲座：${s.lectureMinAttendance}人以上且${s.lectureMinMinutes}分钟以上`,
    `工作坊：${s.workshopMinAttendance}人以上`,
    '均按实际签到人数认定',
  ].join('；');
}

function contractNotes(settings: ContractSettings): string[] {
  const notes = ['服务人次按有效签到统计（撤销的签到不计），同户家属计入人次；小组每节分别计入。'];
  if (settings.conversionAllowed) {
    notes.push('本合同允许折合换算（如1场大型活动折合2场中小型活动），系统按实际认定的类型统计，暂未折合。');
  }
  return notes;
}

export function toRow(report: IndicatorReport, areaName: (id: string | null) => string): IndicatorRow {
  const { indicator } = report;
  const cell = (c: Cell) => ({ ...c, areaName: areaName(c.areaId) });
  return {
    id: indicator.id,
    section: indicator.section,
    name: indicator.name,
    unit: indicator.unit,
    measure: indicator.measure,
    measureLabel: report.measureLabel,
    filterText: report.filterText,
    evidence: indicator.evidence,
    note: indicator.note,
    rate: isRateMeasure(indicator.measure),
    source: report.source,
    cells: report.cells.map(cell),
    total: cell(report.total),
    frequency: report.frequency,
  };
}

export const dashboard = defineAction('indicators', 'dashboard', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ contractId }, { caller, now }): Promise<Dashboard> {
    const [contract, station] = await Promise.all([
      loadContract(contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    const areas = contractAreas(contract, station);
    const { ctx, facts, freshness } = await loadContractFacts(contract, station, now);
    const elapsed = elapsedOf(ctx.period, now);
    const share = percentText(ratio(elapsed.days), ratio(elapsed.totalDays)) ?? '0.00%';
    const names = new Map(station.areas.map((a) => [a.id, a.name]));
    const areaName = (id: string | null) => (id === null ? '合计' : (names.get(id) ?? id));
    return {
      contract: toContractSummary(contract),
      asOf: now.toISOString(),
      areas,
      elapsed: {
        days: elapsed.days,
        totalDays: elapsed.totalDays,
        share,
        text: `已过 ${elapsed.days} / ${elapsed.totalDays} 天（${share}）`,
      },
      settingsText: settingsText(contract.settings),
      notes: contractNotes(contract.settings),
      indicators: contract.indicators.map((indicator) =>
        toRow(
          reportIndicator(
            indicator,
            ctx,
            facts,
            areas.map((a) => a.id),
            elapsed,
            now,
          ),
          areaName,
        ),
      ),
      freshness: freshness.map((f) => ({ ...f, computedAt: f.computedAt?.toISOString() ?? null })),
    };
  },
});
