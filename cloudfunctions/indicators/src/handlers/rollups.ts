import type { Drift } from '@linli/types/entities/indicator-report';
import { monthOf, monthRange, monthsBetween, monthsOf, type DayRange } from '../../../_shared/domain/indicator-periods';
import {
  EMPTY_FACTS,
  measureDone,
  show,
  type ContractContext,
  type IndicatorFacts,
} from '../../../_shared/domain/indicators';
import type { TeamRow } from '../../../_shared/domain/indicator-volunteers';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import type { ContractDoc } from '../../../_shared/repositories/contracts';
import { indicatorRollupsRepository, type MonthFacts } from '../../../_shared/repositories/indicator-rollups';
import { indicatorSourcesRepository } from '../../../_shared/repositories/indicator-sources';
import { computeMonthFacts } from '../../../_shared/queries/indicator-month';
import { begunMonths, recomputeMonths } from '../../../_shared/queries/indicator-rollups';
import { contractAreas, loadContract, loadStation } from '../contracts';
import { contractContext } from '../../../_shared/queries/contract-facts';

/** A recompute covers at most three years of months: a contract period, with room. */
const MAX_MONTHS = 36;

export const recompute = defineAction('indicators', 'recompute', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ contractId, fromMonth, toMonth }, { caller, now }) {
    const station = await loadStation(caller.stationId);
    const months = contractId
      ? monthsOf(await periodOf(contractId, caller.stationId))
      : monthsBetween(fromMonth!, toMonth!);
    if (months.length === 0) {
      throw new AppError('INVALID_INPUT', '结束月份不能早于开始月份', [
        { path: 'toMonth', message: '不能早于开始月份' },
      ]);
    }
    if (months.length > MAX_MONTHS) {
      throw new AppError('INVALID_INPUT', `一次最多重新汇总${MAX_MONTHS}个月`, [
        { path: 'toMonth', message: '月份太多' },
      ]);
    }
    const done = await recomputeMonths(station, months, now);
    return { months: done.map((m) => ({ ...m, computedAt: m.computedAt.toISOString() })) };
  },
});

async function periodOf(contractId: string, stationId: string): Promise<DayRange> {
  const contract = await loadContract(contractId, stationId);
  return { from: contract.periodStart, to: contract.periodEnd };
}

/** Measures a month's facts decide (the others are read live on every dashboard read). */
const MONTHLY = new Set([
  'activities_held',
  'sessions_held',
  'groups_held',
  'attendances',
  'home_visits_staffed',
  'volunteer_hours',
  'volunteer_participations',
  'active_teams',
]);

/** Every monthly indicator × column whose shown value differs between two versions of a month. */
function differences(
  contract: ContractDoc,
  ctx: ContractContext,
  columns: readonly { id: string; name: string }[],
  range: DayRange,
  stored: IndicatorFacts,
  fresh: IndicatorFacts,
): Drift['months'][number]['differences'] {
  const found: Drift['months'][number]['differences'] = [];
  for (const indicator of contract.indicators) {
    if (!MONTHLY.has(indicator.measure)) continue;
    for (const column of [...columns, { id: null, name: '合计' }]) {
      const before = show(measureDone(indicator, ctx, stored, range, column.id)).text;
      const after = show(measureDone(indicator, ctx, fresh, range, column.id)).text;
      if (before !== after) {
        found.push({
          indicatorId: indicator.id,
          name: indicator.name,
          areaId: column.id,
          areaName: column.name,
          stored: before,
          fresh: after,
        });
      }
    }
  }
  return found;
}

const asFacts = (month: MonthFacts, teams: readonly TeamRow[]): IndicatorFacts => ({
  ...EMPTY_FACTS,
  sessions: month.sessions,
  volunteerDays: month.volunteerDays,
  serving: month.serving,
  teams,
});

/**
 * The drift check: each closed month of the contract's period as stored against a fresh
 * recompute from the records, per indicator and column. A difference means records changed after
 * the roll-up and the nightly run has not caught up yet (or a bug): `recompute` repairs it.
 */
export const driftCheck = defineAction('indicators', 'driftCheck', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ contractId }, { caller, now }): Promise<Drift> {
    const [contract, station] = await Promise.all([
      loadContract(contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    const ctx = contractContext(contract, station, now);
    const columns = contractAreas(contract, station);
    const months = begunMonths(monthsOf(ctx.period), now);
    const stored = new Map((await indicatorRollupsRepository.find(station._id, months)).map((r) => [r.month, r]));
    const needsTeams = contract.indicators.some((i) => i.measure === 'active_teams');
    const teams: TeamRow[] = needsTeams
      ? (await indicatorSourcesRepository.teamsWithMembers(station._id)).map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: t.createdAt,
          members: t.memberIds.map((volunteerId) => ({ volunteerId, registrationStatus: 'approved' as const })),
        }))
      : [];
    const report: Drift['months'] = [];
    for (const month of months) {
      const rollup = stored.get(month);
      const storedAt = rollup?.computedAt.toISOString() ?? null;
      if (month >= monthOf(now)) {
        report.push({ month, state: 'open', storedAt, differences: [] });
        continue;
      }
      if (!rollup) {
        report.push({ month, state: 'missing', storedAt, differences: [] });
        continue;
      }
      const whole = monthRange(month);
      const range = {
        from: whole.from > ctx.period.from ? whole.from : ctx.period.from,
        to: whole.to < ctx.period.to ? whole.to : ctx.period.to,
      };
      const fresh = await computeMonthFacts(station, month, now);
      const found = differences(contract, ctx, columns, range, asFacts(rollup, teams), asFacts(fresh, teams));
      report.push({ month, state: found.length > 0 ? 'differs' : 'same', storedAt, differences: found });
    }
    return {
      checkedAt: now.toISOString(),
      months: report,
      differing: report.filter((m) => m.state === 'differs').length,
    };
  },
});
