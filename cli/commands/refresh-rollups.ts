import type { LocalDatabase } from '../../local/db';
import { monthOf } from '../../cloudfunctions/_shared/domain/indicator-periods';
import { recomputeMonths } from '../../cloudfunctions/_shared/queries/indicator-rollups';
import { rollupId } from '../../cloudfunctions/_shared/repositories/indicator-rollups';
import { stationsRepository } from '../../cloudfunctions/_shared/repositories/stations';
import { serveToSdk } from '../database';
import type { Put } from '../import/plan';

/**
 * Historic records land in months the indicator roll-ups may have closed already
 * (cloudfunctions/_shared/queries/indicator-rollups.ts): those months are recomputed right after
 * the import, by the engine's own code, so the dashboard and the reports count the new records
 * at once instead of after the nightly run.
 */
export function touchedMonths(puts: readonly Put[]): string[] {
  const months = new Set<string>();
  for (const { collection, doc } of puts) {
    if (collection === 'attendance') months.add(monthOf(doc.activityStartAt as Date));
    if (collection === 'hour_entries') months.add(monthOf(doc.servedAt as Date));
    if (collection === 'activities') {
      const sessions = (doc.sessions as { startAt: Date }[] | undefined) ?? [{ startAt: doc.startAt as Date }];
      for (const s of sessions) months.add(monthOf(s.startAt));
    }
  }
  return [...months].sort();
}

/** Recomputes the station's stored roll-ups among these months; answers the months recomputed. */
export async function refreshRollups(
  db: LocalDatabase,
  stationId: string,
  months: readonly string[],
  now: Date,
): Promise<string[]> {
  if (months.length === 0) return [];
  const sdk = await serveToSdk(db);
  try {
    const stored = new Set((await db.dump('indicator_rollups')).map((d) => String(d._id)));
    const stale = months.filter((m) => stored.has(rollupId(stationId, m)));
    if (stale.length === 0) return [];
    const station = await stationsRepository.findById(stationId);
    if (!station) return [];
    return (await recomputeMonths(station, stale, now)).map((m) => m.month);
  } finally {
    await sdk.close();
  }
}
