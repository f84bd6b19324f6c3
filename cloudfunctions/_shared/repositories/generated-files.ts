import { z } from 'zod';
import { db, _ } from '../runtime/cloud';
import { narrowAll, storedDate } from './sdk';

const COLLECTION = 'generated_files';

/**
 * One record per file a function stored for someone to download (runtime/generated-files.ts), so
 * the nightly clean-up can find and delete it: storage itself cannot be listed. The record holds
 * no personal data; the file does, which is why it is deleted after a day.
 */
export const generatedFileDocSchema = z.object({
  /** The file's random name, also its record id. */
  _id: z.string(),
  stationId: z.string(),
  /** The `cloud://…` id storage answered. */
  fileId: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: storedDate,
});
export type GeneratedFileDoc = z.output<typeof generatedFileDocSchema>;

export const generatedFilesRepository = {
  async add(doc: GeneratedFileDoc): Promise<void> {
    await db.collection(COLLECTION).add({ data: { ...doc } });
  },

  /** Up to `limit` records created before `cutoff`, oldest first (`created` index). */
  async createdBefore(cutoff: Date, limit: number): Promise<GeneratedFileDoc[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ createdAt: _.lt(cutoff) })
      .orderBy('createdAt', 'asc')
      .limit(limit)
      .get();
    return narrowAll(generatedFileDocSchema, data, 'generated file');
  },

  async removeIds(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: _.in([...ids]) })
      .remove();
    return stats.removed;
  },
};
