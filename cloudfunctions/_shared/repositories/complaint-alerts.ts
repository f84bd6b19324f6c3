import { z } from 'zod';
import { db } from '../runtime/cloud';
import { isDuplicateKeyError, storedDate } from './sdk';

const COLLECTION = 'complaint_alerts';

/** An overdue alert sent, as stored (what claim writes). */
export const complaintAlertDocSchema = z.object({
  _id: z.string(),
  complaintId: z.string(),
  stationId: z.string(),
  toOpenid: z.string(),
  dueAt: storedDate,
  sentAt: storedDate,
});

/**
 * One record per overdue alert sent (key: complaint, due time, recipient), claimed before
 * sending: however often the schedule runs, or two runs overlap, each 站长 hears about each
 * overdue deadline once. A reopened complaint has a new due time, so it can be flagged again.
 */
export const complaintAlertsRepository = {
  async claim(
    key: string,
    fields: { complaintId: string; stationId: string; toOpenid: string; dueAt: Date },
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
