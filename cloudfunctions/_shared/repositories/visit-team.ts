import { z } from 'zod';
import { visitRoleSchema } from '@linli/types/entities/visit-team';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'visit_team';

/**
 * The members staff recorded on a home visit's team (探访人员), one document per person and visit:
 * `_id` `<activityId>.<personId>`, so recording someone twice — a retry, two staff at once — keeps
 * one. Taking a member off marks the document (who, when) instead of deleting it, and recording
 * them again revives it: the record of who went stays honest. Volunteers who signed in at the
 * visit with the volunteer code are on the team by their `volunteer_attendance` record and are
 * not copied here.
 *
 * `activityStartAt` and `updatedAt` let the nightly roll-up run find the months a change touched
 * (repositories/indicator-sources.ts touchedMonths).
 */
export const visitMemberDocSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  stationId: z.string(),
  personId: z.string(),
  role: visitRoleSchema,
  activityStartAt: storedDate,
  addedBy: z.string(),
  addedAt: storedDate,
  removedBy: z.string().optional(),
  removedAt: storedDate.optional(),
  updatedAt: storedDate,
  demo: z.boolean().optional(),
});
export type VisitMemberDoc = z.output<typeof visitMemberDocSchema>;

export const visitMemberId = (activityId: string, personId: string): string => `${activityId}.${personId}`;

/** A visit has a handful of members; this bounds a read all the same. */
const MAX_MEMBERS = 200;

export const visitTeamRepository = {
  /** Every member document of a visit, removed ones included. */
  async forActivity(activityId: string): Promise<VisitMemberDoc[]> {
    const { data } = await db.collection(COLLECTION).where({ activityId }).limit(MAX_MEMBERS).get();
    return narrowAll(visitMemberDocSchema, data, 'visit member');
  },

  async find(activityId: string, personId: string): Promise<VisitMemberDoc | null> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: visitMemberId(activityId, personId) })
      .limit(1)
      .get();
    return data[0] ? narrow(visitMemberDocSchema, data[0], 'visit member') : null;
  },

  /**
   * Records a member: inserts, or revives a removed one (with the role given now). 'already':
   * they are on the team (a repeat, or someone else recorded them a moment ago).
   */
  async add(doc: VisitMemberDoc): Promise<'added' | 'revived' | 'already'> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return 'added';
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: doc._id, removedAt: _.exists(true) })
      .update({
        data: {
          role: doc.role,
          activityStartAt: doc.activityStartAt,
          addedBy: doc.addedBy,
          addedAt: doc.addedAt,
          removedBy: _.remove(),
          removedAt: _.remove(),
          updatedAt: doc.updatedAt,
        },
      });
    return stats.updated === 1 ? 'revived' : 'already';
  },

  /** Takes a member off, once; false if they were not on the team (never, or removed already). */
  async remove(activityId: string, personId: string, by: string, at: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: visitMemberId(activityId, personId), removedAt: _.exists(false) })
      .update({ data: { removedBy: by, removedAt: at, updatedAt: at } });
    return stats.updated === 1;
  },

  /** The visits of a station a person was recorded on (removed or not): what a gender change touches. */
  async activityIdsOf(stationId: string, personId: string): Promise<string[]> {
    const { data } = await db
      .collection(COLLECTION)
      .where({ stationId, personId })
      .field({ activityId: true })
      .limit(1000)
      .get();
    return narrowAll(z.object({ activityId: z.string() }), data, 'visit member').map((d) => d.activityId);
  },
};
