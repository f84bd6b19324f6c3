import { z } from 'zod';
import { areaSchema, communitySchema } from '@linli/types/entities/station';
import { db } from '../runtime/cloud';
import { narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'stations';

export const stationDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  operator: z.string().default(''),
  areas: z.array(areaSchema),
  communities: z.array(communitySchema),
  /** Bumped on every edit; updates are conditional on it (optimistic concurrency). */
  version: z.number().int(),
  /**
   * Minutes before the start and after the end that count as volunteer service (set-up,
   * clearing away); absent: domain/volunteer-hours.ts DEFAULT_GRACE_MINUTES.
   */
  volunteerGraceMinutes: z.number().int().min(0).max(180).optional(),
  createdAt: storedDate,
  demo: z.boolean().optional(),
});
export type StationDoc = z.output<typeof stationDocSchema>;

export const stationsRepository = {
  async findById(id: string): Promise<StationDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(stationDocSchema, data[0], 'station') : null;
  },

  /** A deployment serves a district's stations: dozens, bounded well below 1000. */
  async listAll(): Promise<StationDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (await db.collection(COLLECTION).orderBy('name', 'asc').skip(skip).limit(limit).get()).data,
      1000,
    );
    return narrowAll(stationDocSchema, raws, 'station');
  },

  /**
   * Writes a new structure only if nobody else changed the station since `expectedVersion` was
   * read. Returns false on a lost race; the caller answers CONFLICT and the person retries.
   */
  async saveStructure(
    id: string,
    expectedVersion: number,
    structure: Pick<StationDoc, 'areas' | 'communities'>,
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, version: expectedVersion })
      .update({ data: { areas: structure.areas, communities: structure.communities, version: expectedVersion + 1 } });
    return stats.updated === 1;
  },
};
