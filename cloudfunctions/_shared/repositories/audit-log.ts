import { z } from 'zod';
import { db } from '../runtime/cloud';
import { narrowAll, storedDate } from './sdk';

const COLLECTION = 'audit_log';

/**
 * Who read which confidential record when (issue 7; seed 002 信息保密制度 asks that access to a
 * service user's information follow a kept procedure). Append-only: nothing updates or deletes
 * a record, and the records hold ids, never the contents read.
 */
export const auditRecordSchema = z.object({
  _id: z.string(),
  /** What happened, `<record kind>.<verb>`: `complaint.read`. */
  action: z.string(),
  actorId: z.string(),
  stationId: z.string(),
  objectId: z.string(),
  at: storedDate,
});
export type AuditRecord = z.output<typeof auditRecordSchema>;

export const auditLogRepository = {
  async record(entry: Omit<AuditRecord, '_id'>): Promise<void> {
    await db.collection(COLLECTION).add({ data: { ...entry } });
  },

  /** The latest records about one object, newest first. */
  async about(objectId: string, action: string, limit: number): Promise<AuditRecord[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ objectId, action })
      .orderBy('at', 'desc')
      .limit(limit)
      .get();
    return narrowAll(auditRecordSchema, data, 'audit record');
  },
};
