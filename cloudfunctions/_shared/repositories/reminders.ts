import { z } from 'zod';
import { db } from '../runtime/cloud';
import { isDuplicateKeyError, storedDate } from './sdk';

const COLLECTION = 'reminders';

/** A reminder sent, as stored (what claim writes). */
export const reminderDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  kind: z.string(),
  personId: z.string(),
  sentAt: storedDate,
});

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
