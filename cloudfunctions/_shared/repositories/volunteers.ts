import { z } from 'zod';
import { registrationStatusSchema } from '@linli/types/entities/volunteer';
import { genderSchema, type Gender } from '@linli/types/entities/visit-team';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, PAGE_SIZE, readAllPages, storedDate } from './sdk';

const COLLECTION = 'volunteers';

/**
 * A person's volunteer registration at a station (one per person: `_id` is their OPENID). It
 * holds contact details a list must never show whole (phone, emergency contact): views mask
 * them, and only `volunteer.detail` for the station's staff shows them.
 *
 * What must change together: approving a registration also adds the role 'volunteer' to the
 * person's `users` document (what checkin's volunteer scans and door helpers look at); reviews
 * are conditional on `status: 'pending'` and the application's `appliedAt`, so two staff
 * reviewing at once cannot both decide, and a review never lands on a newer application than
 * the one the reviewer read.
 */
export const volunteerDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  realName: z.string(),
  phone: z.string(),
  communityId: z.string(),
  skills: z.array(z.string()),
  availability: z.string(),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }),
  /** When they agreed to the privacy notice (nothing is stored without it). */
  consentAt: storedDate,
  status: registrationStatusSchema,
  /** Why the latest review rejected it; removed when they apply again. */
  reason: z.string().optional(),
  /** When this application was made (a re-application sets it again). */
  appliedAt: storedDate,
  reviewedBy: z.string().optional(),
  reviewedAt: storedDate.optional(),
  /** When it was approved: 登记人数(新增) counts registrations by this date. */
  approvedAt: storedDate.optional(),
  /** 骨干, marked by staff. */
  core: z.boolean(),
  /**
   * When staff last marked them 骨干: 新增志愿者骨干 counts by it (among those still 骨干). Marking
   * again sets it anew.
   */
  coreAt: storedDate.optional(),
  /** Earlier reviews of this person's applications, oldest first: a re-application keeps them. */
  pastReviews: z
    .array(
      z.object({
        status: z.enum(['approved', 'rejected']),
        reason: z.string().optional(),
        by: z.string(),
        at: storedDate,
        stationId: z.string(),
      }),
    )
    .optional(),
  /**
   * Recorded by a social worker only when the volunteer goes on a home visit, and only to check
   * seed 000's staffing rule (至少配备1名男性社工或志愿者): minimum collection, never asked at
   * registration, shown only in a visit's 探访人员 section (docs/home-visits.md).
   */
  gender: genderSchema.optional(),
  genderRecordedBy: z.string().optional(),
  genderRecordedAt: storedDate.optional(),
  updatedAt: storedDate,
  demo: z.boolean().optional(),
  /** Set when the person's data was deleted (domain/erasure.ts): the registration is kept for the indicators, without them. */
  erasedAt: storedDate.optional(),
});
export type VolunteerDoc = z.output<typeof volunteerDocSchema>;

/** The fields a person fills in when applying. */
export type VolunteerApplication = Pick<
  VolunteerDoc,
  'stationId' | 'realName' | 'phone' | 'communityId' | 'skills' | 'availability' | 'emergencyContact'
>;

/** A station has hundreds of volunteers, not thousands; lists read at most this many. */
const MAX_LISTED = 2000;

export const volunteersRepository = {
  async find(id: string): Promise<VolunteerDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(volunteerDocSchema, data[0], 'volunteer') : null;
  },

  async findMany(ids: readonly string[]): Promise<VolunteerDoc[]> {
    const unique = [...new Set(ids)];
    const raws: unknown[] = [];
    for (let i = 0; i < unique.length; i += PAGE_SIZE) {
      const chunk = unique.slice(i, i + PAGE_SIZE);
      raws.push(
        ...(
          await db
            .collection(COLLECTION)
            .where({ _id: _.in(chunk) })
            .limit(chunk.length)
            .get()
        ).data,
      );
    }
    return narrowAll(volunteerDocSchema, raws, 'volunteer');
  },

  /** A first application. False if the person has a registration already (a race, a retry). */
  async insert(doc: VolunteerDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: { ...doc } });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  /**
   * A new application over an earlier registration — rejected here, or one at another station —
   * only if that registration is still as it was read (`status`, `stationId`, `appliedAt`). The
   * earlier review is kept in `pastReviews`. False: it changed meanwhile.
   */
  async reapply(previous: VolunteerDoc, application: VolunteerApplication, now: Date): Promise<boolean> {
    const pastReview =
      previous.reviewedBy && previous.reviewedAt && previous.status !== 'pending'
        ? [
            {
              status: previous.status,
              ...(previous.reason ? { reason: previous.reason } : {}),
              by: previous.reviewedBy,
              at: previous.reviewedAt,
              stationId: previous.stationId,
            },
          ]
        : [];
    const { stats } = await db
      .collection(COLLECTION)
      .where({
        _id: previous._id,
        status: previous.status,
        stationId: previous.stationId,
        appliedAt: previous.appliedAt,
      })
      .update({
        data: {
          ...application,
          skills: _.set(application.skills),
          emergencyContact: _.set(application.emergencyContact),
          status: 'pending',
          consentAt: now,
          appliedAt: now,
          updatedAt: now,
          reason: _.remove(),
          reviewedBy: _.remove(),
          reviewedAt: _.remove(),
          approvedAt: _.remove(),
          // A registration at another station starts over there: 骨干 is a station's judgement.
          ...(previous.stationId !== application.stationId ? { core: false } : {}),
          ...(pastReview.length > 0 ? { pastReviews: _.push(pastReview) } : {}),
        },
      });
    return stats.updated === 1;
  },

  /**
   * Applies a review to the application the reviewer read: only while it is still pending and
   * still the same application (`appliedAt`). False: another review (or a re-application) won.
   */
  async review(
    current: Pick<VolunteerDoc, '_id' | 'appliedAt'>,
    next: { status: 'approved' | 'rejected'; reason?: string; reviewedBy: string; reviewedAt: Date },
  ): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: current._id, status: 'pending', appliedAt: current.appliedAt })
      .update({
        data: {
          status: next.status,
          ...(next.reason ? { reason: next.reason } : {}),
          reviewedBy: next.reviewedBy,
          reviewedAt: next.reviewedAt,
          ...(next.status === 'approved' ? { approvedAt: next.reviewedAt } : {}),
          updatedAt: next.reviewedAt,
        },
      });
    return stats.updated === 1;
  },

  /** Records a volunteer's gender for the home-visit staffing rule (see the field). */
  async setGender(id: string, stationId: string, gender: Gender, by: string, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: id, stationId })
      .update({ data: { gender, genderRecordedBy: by, genderRecordedAt: now, updatedAt: now } });
    return stats.updated === 1;
  },

  async setCore(id: string, core: boolean, now: Date): Promise<void> {
    await db
      .collection(COLLECTION)
      .where({ _id: id })
      .update({ data: { core, ...(core ? { coreAt: now } : {}), updatedAt: now } });
  },

  /** A station's registrations, newest application first, optionally of one status; bounded. */
  async listForStation(stationId: string, status?: VolunteerDoc['status']): Promise<VolunteerDoc[]> {
    const where = status ? { stationId, status } : { stationId };
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where(where)
            .orderBy('appliedAt', 'desc')
            .orderBy('_id', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      MAX_LISTED,
    );
    return narrowAll(volunteerDocSchema, raws, 'volunteer');
  },
};
