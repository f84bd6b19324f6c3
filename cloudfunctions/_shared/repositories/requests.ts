import { z } from 'zod';
import { appErrorSchema } from '@linli/types/errors';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'requests';

export const requestDocSchema = z.object({
  _id: z.string(),
  state: z.enum(['pending', 'done']),
  createdAt: storedDate,
  response: z
    .discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), data: z.unknown() }),
      z.object({ ok: z.literal(false), error: appErrorSchema }),
    ])
    .optional(),
});
type StoredResponse = NonNullable<z.output<typeof requestDocSchema>['response']>;

/** Idempotency records: one per (caller, action, client request id). */
export const requestsRepository = {
  /** True if this call claimed the key; false if someone already had. */
  async claim(key: string, now: Date): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { _id: key, state: 'pending', createdAt: now } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },
  async find(key: string) {
    const { data } = await db.collection(COLLECTION).where({ _id: key }).limit(1).get();
    return data[0] ? narrow(requestDocSchema, data[0], 'request') : null;
  },
  async complete(key: string, response: StoredResponse): Promise<void> {
    // _.set stores the answer as a whole; a plain object would be merged field by field.
    await db
      .collection(COLLECTION)
      .doc(key)
      .update({ data: { state: 'done', response: _.set(response) } });
  },
  async release(key: string): Promise<void> {
    await db.collection(COLLECTION).doc(key).remove();
  },
  /**
   * Deletes up to `limit` of the oldest records made before `cutoff` (`created` index); answers how
   * many. Two requests: the ids, then a remove of exactly those — the SDK's remove() ignores
   * limit(), and a remove of everything before the cutoff at once has no bound.
   */
  async removeCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ createdAt: _.lt(cutoff) })
      .orderBy('createdAt', 'asc')
      .field({ _id: true })
      .limit(limit)
      .get();
    const ids = narrowAll(z.object({ _id: z.string() }), data, 'request id').map((doc) => doc._id);
    if (ids.length === 0) return 0;
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: _.in(ids) })
      .remove();
    return stats.removed;
  },
};
