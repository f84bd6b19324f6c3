import dayjs, { STATION_TIME_ZONE } from '../runtime/dayjs';
import { instantsOf, monthOf, monthRange, monthsBetween, type Month } from '../domain/indicator-periods';
import { indicatorRollupsRepository, rollupId, type RollupDoc } from '../repositories/indicator-rollups';
import { indicatorSourcesRepository } from '../repositories/indicator-sources';
import { stationsRepository, type StationDoc } from '../repositories/stations';
import { computeMonthFacts } from './indicator-month';

/**
 * Keeping the monthly roll-ups (repositories/indicator-rollups.ts) current. A month is
 * recomputed from its aggregations — a bounded number of requests per month, whatever its size —
 * when its records changed (the nightly run finds which from the records' timestamps) or on
 * demand (the `recompute` action). Nothing on the sign-in path writes a roll-up: the current
 * month is always read live.
 */

export const NIGHTLY_JOB = 'rollups.nightly';

/** Months that have begun by `now`: later ones have nothing to count. */
export const begunMonths = (months: readonly Month[], now: Date): Month[] => months.filter((m) => m <= monthOf(now));

/** Whether a stored roll-up was computed after its month ended: final, unless records change later. */
export const isFinal = (rollup: Pick<RollupDoc, 'month' | 'computedAt'>): boolean =>
  rollup.computedAt >= instantsOf(monthRange(rollup.month)).to;

export interface RecomputedMonth {
  month: Month;
  sessions: number;
  volunteerDays: number;
  computedAt: Date;
}

/** Recomputes and stores a station's months (those begun by `now`), one after another. */
export async function recomputeMonths(
  station: StationDoc,
  months: readonly Month[],
  now: Date,
): Promise<RecomputedMonth[]> {
  const done: RecomputedMonth[] = [];
  for (const month of begunMonths([...new Set(months)].sort(), now)) {
    // The time the aggregations start is what the roll-up is "as of": a record written after it
    // may or may not be in it, and the next run (since this time) picks it up either way.
    const computedAt = new Date(now.getTime());
    const facts = await computeMonthFacts(station, month, computedAt);
    await indicatorRollupsRepository.save(station._id, month, computedAt, facts);
    done.push({ month, sessions: facts.sessions.length, volunteerDays: facts.volunteerDays.length, computedAt });
  }
  return done;
}

/**
 * The nightly run: every station-month whose records changed since the last run started, plus
 * last month of every station while its roll-up is not final (computed before the month ended,
 * or never) — so each month gets a final roll-up once it closes, even a quiet one. The first run
 * (no last run recorded) takes every month that has records.
 */
export async function recomputeTouched(now: Date): Promise<Record<string, number>> {
  const since = await indicatorRollupsRepository.lastRun(NIGHTLY_JOB);
  const touched = await indicatorSourcesRepository.touchedMonths(since);
  const wanted = new Map<string, Set<Month>>();
  const want = (stationId: string, month: Month) =>
    wanted.set(stationId, (wanted.get(stationId) ?? new Set()).add(month));
  for (const { stationId, from, to } of touched) for (const m of monthsBetween(from, to)) want(stationId, m);

  const stations = await stationsRepository.listAll();
  const lastMonth = dayjs(now).tz(STATION_TIME_ZONE).subtract(1, 'month').format('YYYY-MM');
  const stored = await indicatorRollupsRepository.findByIds(stations.map((s) => rollupId(s._id, lastMonth)));
  const final = new Set(stored.filter(isFinal).map((r) => r.stationId));
  for (const station of stations) if (!final.has(station._id)) want(station._id, lastMonth);

  let months = 0;
  for (const station of stations) {
    const list = wanted.get(station._id);
    if (list) months += (await recomputeMonths(station, [...list], now)).length;
  }
  await indicatorRollupsRepository.recordRun(NIGHTLY_JOB, now, new Date(), { stations: wanted.size, months });
  return { stations: wanted.size, months };
}
