import { db } from '../runtime/cloud';
import { isDuplicateKeyError } from './sdk';

const COLLECTION = 'reminders';

/** One record per (activity, kind, person): claimed before sending, so no reminder goes twice. */
export const remindersRepository = {
  async claim(activityId: string, kind: string, personId: string, now: Date): Promise<boolean> {
    try {
      await db
        .collection(COLLECTION)
        .add({ data: { _id: `${activityId}.${kind}.${personId}`, activityId, kind, personId, sentAt: now } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },
};
