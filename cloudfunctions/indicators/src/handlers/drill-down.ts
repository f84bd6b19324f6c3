import type { DrillDown } from '@linli/types/entities/indicator-report';
import type { Indicator } from '@linli/types/entities/indicators';
import { ACTIVITY_KIND_LABELS, SERVICE_AREA_LABELS } from '../../../_shared/domain/activity-kinds';
import { dayOf, instantsOf, monthRange, type DayRange } from '../../../_shared/domain/indicator-periods';
import { isSessionMeasure } from '../../../_shared/domain/indicator-sessions';
import { activeTeamsIn, newTeamsIn, type TeamRow } from '../../../_shared/domain/indicator-volunteers';
import {
  MEASURE_SOURCES,
  sessionVerdicts,
  UNAVAILABLE_SOURCES,
  type ContractContext,
} from '../../../_shared/domain/indicators';
import { formatHours } from '../../../_shared/domain/volunteer-hours';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import type { ContractDoc } from '../../../_shared/repositories/contracts';
import { indicatorSourcesRepository } from '../../../_shared/repositories/indicator-sources';
import { manualCountsRepository } from '../../../_shared/repositories/manual-counts';
import { surveyResponsesRepository } from '../../../_shared/repositories/survey-responses';
import { satisfaction } from '../../../_shared/domain/satisfaction';
import type { StationDoc } from '../../../_shared/repositories/stations';
import { contractAreas, loadContract, loadStation } from '../contracts';
import { contractContext, monthFactsOf } from '../../../_shared/queries/contract-facts';
import { areaNameOf, manualCountViews } from './manual-counts';

/**
 * The records behind one cell of the table — so a number can be checked against the sign-in
 * sheets: every session of the 片区 (or all) in the period or month, counted or not, with the
 * sentence that says why; or the hour entries, volunteers, teams or manual records counted.
 */

interface Query {
  contract: ContractDoc;
  station: StationDoc;
  ctx: ContractContext;
  indicator: Indicator;
  areaId: string | null;
  range: DayRange;
  offset: number;
  limit: number;
  now: Date;
}

const page = <T>(items: readonly T[], q: Pick<Query, 'offset' | 'limit'>) => items.slice(q.offset, q.offset + q.limit);

export const drillDown = defineAction('indicators', 'drillDown', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ contractId, indicatorId, areaId, month, offset, limit }, { caller, now }): Promise<DrillDown> {
    const [contract, station] = await Promise.all([
      loadContract(contractId, caller.stationId),
      loadStation(caller.stationId),
    ]);
    const indicator = contract.indicators.find((i) => i.id === indicatorId);
    if (!indicator) throw new AppError('NOT_FOUND', '合同中没有这个指标');
    if (areaId !== null && !contractAreas(contract, station).some((a) => a.id === areaId)) {
      throw new AppError('INVALID_INPUT', '片区不在本合同范围内', [
        { path: 'areaId', message: '片区不在本合同范围内' },
      ]);
    }
    const ctx = contractContext(contract, station, now);
    let range: DayRange = ctx.period;
    if (month) {
      const m = monthRange(month);
      range = {
        from: m.from > ctx.period.from ? m.from : ctx.period.from,
        to: m.to < ctx.period.to ? m.to : ctx.period.to,
      };
      if (range.from > range.to) {
        throw new AppError('INVALID_INPUT', '该月份不在合同期内', [{ path: 'month', message: '不在合同期内' }]);
      }
    }
    const disabled = UNAVAILABLE_SOURCES[MEASURE_SOURCES[indicator.measure]];
    if (disabled) return { kind: 'unavailable', message: disabled };
    const q: Query = { contract, station, ctx, indicator, areaId, range, offset, limit, now };
    if (isSessionMeasure(indicator.measure)) return sessionsBehind(q);
    switch (indicator.measure) {
      case 'volunteer_hours':
      case 'volunteer_participations':
        return entriesBehind(q);
      case 'new_volunteers':
      case 'new_core_volunteers':
        return volunteersBehind(q);
      case 'new_teams':
      case 'active_teams':
        return teamsBehind(q);
      case 'manual_count':
        return manualBehind(q);
      case 'satisfaction_rate':
        return satisfactionBehind(q);
      case 'wishes_fulfilled':
        return {
          kind: 'unavailable',
          message: '心愿的明细请在「微心愿」中查看已确认的心愿（受助人信息不在指标中显示）',
        };
      case 'complaints_answered_in_time_rate':
        // Seed 002 信息保密制度: only the handling staff see a complaint and its sender.
        return { kind: 'unavailable', message: '意见与投诉须保密，明细请经办社工在「意见反馈」中查看' };
      default:
        return { kind: 'unavailable', message: '数据来源尚未启用' };
    }
  },
});

async function sessionsBehind(q: Query): Promise<DrillDown> {
  const { months } = await monthFactsOf(q.station, q.range, q.now);
  const verdicts = sessionVerdicts(
    q.indicator,
    q.ctx,
    months.flatMap((m) => m.sessions),
    q.range,
    q.areaId,
  );
  const areaNames = new Map(q.station.areas.map((a) => [a.id, a.name]));
  return {
    kind: 'sessions',
    total: verdicts.length,
    counted: verdicts.filter((v) => v.included).length,
    items: page(verdicts, q).map(({ summary: s, classification: c, included, because }) => ({
      activityId: s.activityId,
      session: s.session,
      sessionLabel: s.series ? `第${s.session}节` : '',
      title: s.title,
      startAt: s.startAt.toISOString(),
      areaId: s.areaId,
      areaName: areaNames.get(s.areaId) ?? s.areaId,
      communityName: q.ctx.communityName?.(s.communityId) ?? s.communityId,
      serviceAreaLabel: SERVICE_AREA_LABELS[s.serviceArea],
      plannedKind: s.plannedKind,
      plannedKindLabel: ACTIVITY_KIND_LABELS[s.plannedKind],
      countsAs: c.countsAs,
      countsAsLabel: c.countsAs ? ACTIVITY_KIND_LABELS[c.countsAs] : null,
      headcount: s.headcount,
      annulled: s.annulled,
      included,
      reason: because,
    })),
  };
}

/** The communities of the 片区 asked for, or of the contract's (null: every community). */
function communitiesOf(q: Query): string[] | null {
  const areas = q.areaId !== null ? [q.areaId] : q.contract.areaIds;
  if (areas.length === 0) return null;
  return q.station.communities.filter((c) => areas.includes(c.areaId)).map((c) => c.id);
}

async function entriesBehind(q: Query): Promise<DrillDown> {
  const { from, to } = instantsOf(q.range);
  const communities = communitiesOf(q);
  const inArea = communities
    ? await indicatorSourcesRepository.volunteersOfCommunities(q.station._id, communities)
    : null;
  const { total, items } = await indicatorSourcesRepository.approvedEntriesPage(
    q.station._id,
    from,
    to,
    inArea ? inArea.map((v) => v.id) : null,
    q.offset,
    q.limit,
  );
  const people =
    inArea ??
    (await indicatorSourcesRepository.volunteerFacts(
      q.station._id,
      items.map((e) => e.volunteerId),
      null,
      null,
    ));
  const byId = new Map(people.map((v) => [v.id, v]));
  const areaOf = new Map(q.station.communities.map((c) => [c.id, c.areaId]));
  const areaName = areaNameOf(q.station);
  return {
    kind: 'hour_entries',
    total,
    note: '同一志愿者时间重叠的记录只计一次，完成量以指标表为准；未审核、已更正的版本不计入。',
    items: items.map((e) => {
      const volunteer = byId.get(e.volunteerId);
      return {
        entryId: e.id,
        volunteerName: volunteer?.realName ?? '（已注销）',
        areaName: areaName(volunteer ? (areaOf.get(volunteer.communityId) ?? null) : null) ?? '未知片区',
        date: dayOf(e.servedAt),
        hours: formatHours(e.minutes),
        content: e.content,
      };
    }),
  };
}

async function volunteersBehind(q: Query): Promise<DrillDown> {
  const { from, to } = instantsOf(q.range);
  const rows = await indicatorSourcesRepository.volunteerFacts(q.station._id, [], from, to);
  const areaOf = new Map(q.station.communities.map((c) => [c.id, c.areaId]));
  const areaName = areaNameOf(q.station);
  const scope = q.areaId !== null ? [q.areaId] : q.contract.areaIds;
  const core = q.indicator.measure === 'new_core_volunteers';
  const counted = rows
    .map((v) => ({ v, area: areaOf.get(v.communityId) ?? null, at: core ? v.coreAt : v.approvedAt }))
    .filter(
      ({ v, area, at }) =>
        v.status === 'approved' &&
        (!core || v.core) &&
        at !== undefined &&
        at >= from &&
        at < to &&
        (scope.length === 0 || (area !== null && scope.includes(area))),
    )
    .sort((a, b) => a.at!.getTime() - b.at!.getTime());
  return {
    kind: 'volunteers',
    total: counted.length,
    items: page(counted, q).map(({ v, area, at }) => ({
      volunteerId: v.id,
      name: v.realName,
      areaName: areaName(area) ?? '未知片区',
      date: dayOf(at!),
    })),
  };
}

async function teamsBehind(q: Query): Promise<DrillDown> {
  if (q.areaId !== null) return { kind: 'unavailable', message: '志愿服务队属于全站，不分片区统计' };
  const rows = await indicatorSourcesRepository.teamsWithMembers(q.station._id);
  const teams: TeamRow[] = rows.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    members: t.memberIds.map((volunteerId) => ({ volunteerId, registrationStatus: 'approved' as const })),
  }));
  let counted: TeamRow[];
  if (q.indicator.measure === 'new_teams') counted = newTeamsIn(teams, q.range);
  else {
    const { months } = await monthFactsOf(q.station, q.range, q.now);
    counted = activeTeamsIn(
      teams,
      months.flatMap((m) => m.serving),
      q.range,
    );
  }
  return {
    kind: 'teams',
    total: counted.length,
    items: page(counted, q).map((t) => ({ teamId: t.id, name: t.name, createdOn: dayOf(t.createdAt) })),
  };
}

async function manualBehind(q: Query): Promise<DrillDown> {
  const docs = await manualCountsRepository.forContract(q.contract._id, q.indicator.id);
  const views = manualCountViews(docs, areaNameOf(q.station)).filter(
    (m) => m.date >= q.range.from && m.date <= q.range.to && (q.areaId === null || m.areaId === q.areaId),
  );
  return { kind: 'manual', total: views.filter((m) => m.current).length, items: page(views, q) };
}

async function satisfactionBehind(q: Query): Promise<DrillDown> {
  const { from, to } = instantsOf(q.range);
  const scope = q.areaId !== null ? [q.areaId] : q.contract.areaIds;
  const { kinds } = q.indicator.filter;
  const rows = (await surveyResponsesRepository.satisfactionRows(q.station._id, from, to))
    .filter((r) => (scope.length === 0 || scope.includes(r.areaId)) && (kinds.length === 0 || kinds.includes(r.kind)))
    .sort((a, b) => a.endAt.getTime() - b.endAt.getTime());
  const shown = page(rows, q);
  const titles = await indicatorSourcesRepository.activityTitles(
    q.station._id,
    shown.map((r) => r.activityId),
  );
  const areaName = areaNameOf(q.station);
  return {
    kind: 'satisfaction',
    total: rows.length,
    items: shown.map((r) => ({
      activityId: r.activityId,
      title: titles.get(r.activityId) ?? r.activityId,
      kindLabel: ACTIVITY_KIND_LABELS[r.kind],
      areaName: areaName(r.areaId) ?? r.areaId,
      date: dayOf(r.endAt),
      respondents: r.respondents,
      rated: r.rated,
      satisfied: r.satisfied,
      rate: satisfaction(r).rate,
    })),
  };
}
