import { z } from 'zod';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'indicator_manual_counts';

/**
 * A manual count for an indicator measured by hand (宣传册派发本数, 媒体报道篇数 …): a number with
 * its evidence, dated, by whom. Kept like hour entries: a correction is a new version (`_id`
 * `<rootId>_v<n>`, derived, so two people correcting the same version at once make one version
 * and the other is told), the old version stays. What counts is each record's latest version.
 */
export const manualCountDocSchema = z.object({
  _id: z.string(),
  rootId: z.string(),
  version: z.number().int().min(1),
  stationId: z.string(),
  contractId: z.string(),
  indicatorId: z.string(),
  areaId: z.string().nullable(),
  /** China-time day 'YYYY-MM-DD' the counted work was done. */
  date: z.string(),
  /** In hundredths: sums stay exact (1000.25 本 is 100025). */
  hundredths: z.number().int().min(0),
  note: z.string(),
  photoFileIds: z.array(z.string()),
  recordedBy: z.string(),
  recordedByName: z.string(),
  recordedAt: storedDate,
  correctionOf: z.string().optional(),
  reason: z.string().optional(),
  demo: z.boolean().optional(),
});
export type ManualCountDoc = z.output<typeof manualCountDocSchema>;

export const manualVersionId = (rootId: string, version: number): string =>
  version === 1 ? rootId : `${rootId}_v${version}`;

/** A contract's manual records are dozens a month; reads stop here. */
const MAX_VERSIONS = 5000;

export const manualCountsRepository = {
  /** Inserts a version; false if that version exists already (corrected meanwhile). */
  async insert(doc: ManualCountDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  async versionsOf(rootId: string): Promise<ManualCountDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ rootId }).orderBy('version', 'asc').limit(100).get();
    return narrowAll(manualCountDocSchema, data, 'manual count');
  },

  /** Every version of a contract's records (optionally one indicator's), oldest first. */
  async forContract(contractId: string, indicatorId?: string): Promise<ManualCountDoc[]> {
    const where = { contractId, ...(indicatorId ? { indicatorId } : {}) };
    const raws: unknown[] = [];
    for (let skip = 0; skip < MAX_VERSIONS; skip += 1000) {
      const { data } = await db
        .collection(COLLECTION)
        .where(where)
        .orderBy('recordedAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(1000)
        .get();
      raws.push(...data);
      if (data.length < 1000) break;
    }
    return narrowAll(manualCountDocSchema, raws, 'manual count');
  },

  /**
   * The counts in effect (each record's latest version) of a contract in the days, summed per
   * indicator, 片区 and day — ONE aggregation, however many records.
   */
  async effectiveSums(
    contractId: string,
    fromDay: string,
    toDay: string,
  ): Promise<{ indicatorId: string; areaId: string | null; day: string; hundredths: number }[]> {
    const $ = _.aggregate;
    const { list } = await db
      .collection(COLLECTION)
      .aggregate()
      .match({ contractId })
      .sort({ rootId: 1, version: -1 })
      .group({
        _id: '$rootId',
        indicatorId: $.first('$indicatorId'),
        areaId: $.first('$areaId'),
        date: $.first('$date'),
        hundredths: $.first('$hundredths'),
      })
      .match({ date: _.gte(fromDay).and(_.lte(toDay)) })
      .group({
        _id: { i: '$indicatorId', a: '$areaId', d: '$date' },
        hundredths: $.sum('$hundredths'),
      })
      .limit(100_000)
      .end();
    const rows = narrowAll(
      z.object({
        _id: z.object({ i: z.string(), a: z.string().nullable().optional(), d: z.string() }),
        hundredths: z.number().int(),
      }),
      list,
      'manual sums',
    );
    return rows.map((r) => ({ indicatorId: r._id.i, areaId: r._id.a ?? null, day: r._id.d, hundredths: r.hundredths }));
  },

  async findById(id: string): Promise<ManualCountDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(manualCountDocSchema, data[0], 'manual count') : null;
  },
};
