import type { IndicatorMeasure } from '@linli/types/entities/indicators';
import { dayOf, instantsOf, monthOf, monthsOf, type DayRange } from '../domain/indicator-periods';
import {
  distinctPeopleActivities,
  MEASURE_SOURCES,
  UNAVAILABLE_SOURCES,
  type ContractContext,
  type DistinctPeople,
  type IndicatorFacts,
} from '../domain/indicators';
import type { RegistrationRow, TeamRow } from '../domain/indicator-volunteers';
import type { ContractDoc } from '../repositories/contracts';
import { indicatorRollupsRepository, type MonthFacts } from '../repositories/indicator-rollups';
import { indicatorSourcesRepository } from '../repositories/indicator-sources';
import { manualCountsRepository } from '../repositories/manual-counts';
import { surveyResponsesRepository } from '../repositories/survey-responses';
import { complaintsRepository } from '../repositories/complaints';
import { wishesRepository } from '../repositories/wishes';
import type { StationDoc } from '../repositories/stations';
import { areaOfCommunity, computeMonthFacts } from './indicator-month';
import { begunMonths, isFinal } from './indicator-rollups';

/**
 * The facts a contract's table is computed from, read at a fixed cost: the stored roll-ups of the
 * period's closed months in one request, the month(s) not rolled up yet live (a few aggregations
 * each — normally just the current month), and per measure family that needs one: the volunteers
 * approved or marked 骨干 in the period, the teams, the manual counts, the satisfaction counts (one
 * request each), the wishes confirmed and the complaints received in the period (their own
 * functions' bounded reads), and one aggregation per 服务人数 indicator. None of it grows with the number of records.
 */

export interface MonthSource {
  month: string;
  source: 'rollup' | 'live' | 'upcoming';
  computedAt: Date | null;
}

export interface ContractFacts {
  ctx: ContractContext;
  facts: IndicatorFacts;
  freshness: MonthSource[];
}

export function contractContext(contract: ContractDoc, station: StationDoc, now: Date): ContractContext {
  const names = new Map(station.communities.map((c) => [c.id, c.name]));
  return {
    stationId: station._id,
    asOf: now,
    settings: contract.settings,
    scopeAreaIds: contract.areaIds,
    period: { from: contract.periodStart, to: contract.periodEnd },
    communityName: (id) => names.get(id) ?? id,
  };
}

/** The months' facts: stored where final, live otherwise; months not begun are empty. */
export async function monthFactsOf(
  station: StationDoc,
  range: DayRange,
  now: Date,
): Promise<{ months: MonthFacts[]; freshness: MonthSource[] }> {
  const all = monthsOf(range);
  const begun = begunMonths(all, now);
  const stored = new Map((await indicatorRollupsRepository.find(station._id, begun)).map((r) => [r.month, r]));
  const freshness: MonthSource[] = [];
  const months: MonthFacts[] = [];
  for (const month of all) {
    const rollup = stored.get(month);
    if (month > monthOf(now)) {
      freshness.push({ month, source: 'upcoming', computedAt: null });
    } else if (rollup && isFinal(rollup)) {
      months.push(rollup);
      freshness.push({ month, source: 'rollup', computedAt: rollup.computedAt });
    } else {
      months.push(await computeMonthFacts(station, month, now));
      freshness.push({ month, source: 'live', computedAt: now });
    }
  }
  return { months, freshness };
}

const needs = (measures: Set<IndicatorMeasure>, ...wanted: IndicatorMeasure[]) =>
  wanted.some((m) => measures.has(m) && !UNAVAILABLE_SOURCES[MEASURE_SOURCES[m]]);

export async function loadContractFacts(contract: ContractDoc, station: StationDoc, now: Date): Promise<ContractFacts> {
  const ctx = contractContext(contract, station, now);
  const measures = new Set(contract.indicators.map((i) => i.measure));
  const { from, to } = instantsOf(ctx.period);
  const areaOf = areaOfCommunity(station);

  const [{ months, freshness }, registrations, teams, manual, satisfaction, wishes, complaints] = await Promise.all([
    monthFactsOf(station, ctx.period, now),
    needs(measures, 'new_volunteers', 'new_core_volunteers')
      ? indicatorSourcesRepository.volunteerFacts(station._id, [], from, to).then((rows) =>
          rows.map(
            (v): RegistrationRow => ({
              id: v.id,
              registrationStatus: v.status,
              ...(v.approvedAt ? { approvedAt: v.approvedAt } : {}),
              isCore: v.core,
              ...(v.coreAt ? { coreAt: v.coreAt } : {}),
              areaId: areaOf(v.communityId),
            }),
          ),
        )
      : Promise.resolve([]),
    needs(measures, 'new_teams', 'active_teams')
      ? indicatorSourcesRepository.teamsWithMembers(station._id).then((rows) =>
          rows.map(
            (t): TeamRow => ({
              id: t.id,
              name: t.name,
              createdAt: t.createdAt,
              members: t.memberIds.map((volunteerId) => ({ volunteerId, registrationStatus: 'approved' as const })),
            }),
          ),
        )
      : Promise.resolve([]),
    needs(measures, 'manual_count')
      ? manualCountsRepository
          .effectiveSums(contract._id, ctx.period.from, ctx.period.to)
          .then((rows) => rows.map((r) => ({ ...r })))
      : Promise.resolve([]),
    needs(measures, 'satisfaction_rate')
      ? surveyResponsesRepository
          .satisfactionRows(station._id, from, to)
          .then((rows) => rows.map(({ endAt, ...row }) => ({ ...row, day: dayOf(endAt) })))
      : Promise.resolve([]),
    needs(measures, 'wishes_fulfilled')
      ? wishesRepository.confirmedBetween(station._id, from, to)
      : Promise.resolve([]),
    needs(measures, 'complaints_answered_in_time_rate')
      ? complaintsRepository.receivedBetween(station._id, from, to).then((rows) =>
          rows.map((c) => ({
            receivedAt: c.receivedAt,
            ...(c.firstRepliedAt ? { firstRepliedAt: c.firstRepliedAt } : {}),
            day: dayOf(c.receivedAt),
          })),
        )
      : Promise.resolve([]),
  ]);

  const facts: IndicatorFacts = {
    sessions: months.flatMap((m) => m.sessions),
    volunteerDays: months.flatMap((m) => m.volunteerDays),
    serving: months.flatMap((m) => m.serving),
    registrations,
    teams,
    manual,
    distinctPeople: new Map(),
    satisfaction,
    wishes,
    complaints,
  };
  const distinct = new Map<string, DistinctPeople>();
  for (const indicator of contract.indicators) {
    if (indicator.measure !== 'distinct_people') continue;
    const activities = distinctPeopleActivities(indicator, ctx, facts.sessions);
    distinct.set(indicator.id, await indicatorSourcesRepository.distinctPeople(station._id, from, to, activities));
  }
  return { ctx, facts: { ...facts, distinctPeople: distinct }, freshness };
}
