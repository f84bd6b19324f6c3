import { z } from 'zod';
import { AppError } from '../runtime/app-error';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, storedDate } from './sdk';

const COLLECTION = 'counters';

/** A sequence (certificate numbers: `cert.<stationId>.<year>`). `value` is the last number given out. */
export const counterDocSchema = z.object({
  _id: z.string(),
  value: z.number().int().min(0),
  createdAt: storedDate.optional(),
  updatedAt: storedDate.optional(),
});

/**
 * Contention is a handful of volunteers asking at once; every round of the loop one of them wins,
 * so this many attempts covers far more than a station sees, and an endless loop is impossible.
 */
const MAX_ATTEMPTS = 60;

async function read(id: string): Promise<number | null> {
  const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
  return data[0] ? narrow(counterDocSchema, data[0], 'counter').value : null;
}

export const countersRepository = {
  /**
   * The next number of a sequence, each number given out once. The counter is read, then
   * raised by one with a single update that is conditional on the value read (`_.inc` where
   * `value` is still what we saw): the database applies condition and increment together, so of
   * two callers who read the same value exactly one moves it, and the other reads again.
   * A missing counter is created at 0 with its fixed `_id`, so two callers creating it at once
   * make one document (the second insert is a duplicate key, and it just reads again).
   */
  async next(id: string, now: Date): Promise<number> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const value = await read(id);
      if (value === null) {
        try {
          await db.collection(COLLECTION).add({ data: { _id: id, value: 0, createdAt: now } });
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
        }
        continue;
      }
      const { stats } = await db
        .collection(COLLECTION)
        .where({ _id: id, value })
        .update({ data: { value: _.inc(1), updatedAt: now } });
      if (stats.updated === 1) return value + 1;
      // Lost the race: wait a moment (spreads the retries) and read again.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 5 * (attempt + 1))));
    }
    throw new AppError('CONFLICT', '同时开具的证明较多，请稍后再试');
  },
};
