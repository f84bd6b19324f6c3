import { db } from '../runtime/cloud';
import { isDuplicateKeyError } from './sdk';

const COLLECTION = 'reminders';

/** One record per reminder key (see reminderKey): claimed before sending, so none goes twice. */
export const remindersRepository = {
  async claim(
    key: string,
    fields: { activityId: string; kind: string; personId: string },
    now: Date,
  ): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { _id: key, ...fields, sentAt: now } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },
};
