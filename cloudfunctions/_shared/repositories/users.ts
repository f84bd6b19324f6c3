import { z } from 'zod';
import { roleSchema, type Role } from '@linli/types/entities/common';
import { db, _ } from '../runtime/cloud';
import { narrow, narrowAll, readAllPages, storedDate } from './sdk';

const COLLECTION = 'users';

/** A user as stored. `_id` is the OPENID: one document per WeChat user, found with one read. */
export const userDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  stationId: z.string(),
  communityId: z.string().nullable(),
  roles: z.array(roleSchema),
  phone: z.string().optional(),
  consentAt: storedDate,
  createdAt: storedDate,
  updatedAt: storedDate,
  demo: z.boolean().optional(),
});
export type UserDoc = z.output<typeof userDocSchema>;

export const usersRepository = {
  async findByOpenid(openid: string): Promise<UserDoc | null> {
    // where() instead of doc().get(): a missing user is normal (first use), and doc().get() throws.
    const { data } = await db.collection(COLLECTION).where({ _id: openid }).limit(1).get();
    return data[0] ? narrow(userDocSchema, data[0], 'user') : null;
  },

  /** Creates or replaces the profile fields; roles and createdAt survive an update. */
  async saveProfile(
    openid: string,
    profile: { name: string; stationId: string; communityId: string; phone?: string },
    existing: UserDoc | null,
    now: Date,
  ): Promise<UserDoc> {
    const doc: Omit<UserDoc, '_id'> = {
      name: profile.name,
      stationId: profile.stationId,
      communityId: profile.communityId,
      roles: existing?.roles ?? ['resident'],
      ...(profile.phone ? { phone: profile.phone } : {}),
      consentAt: existing?.consentAt ?? now,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(existing?.demo ? { demo: true } : {}),
    };
    await db.collection(COLLECTION).doc(openid).set({ data: doc });
    return { _id: openid, ...doc };
  },

  /** Staff of a station (social workers and admins), bounded: a station has dozens, not thousands. */
  async listStaff(stationId: string): Promise<UserDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ stationId, roles: _.in(['social_worker', 'admin'] satisfies Role[]) })
            .orderBy('name', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      500,
    );
    return narrowAll(userDocSchema, raws, 'user');
  },
};
