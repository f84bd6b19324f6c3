import { z } from 'zod';
import { roleSchema, type Role } from '@linli/types/entities/common';
import { genderSchema, type Gender } from '@linli/types/entities/visit-team';
import { db, _ } from '../runtime/cloud';
import { narrow, narrowAll, PAGE_SIZE, readAllPages, storedDate } from './sdk';
import { rolesAfterMove } from '../domain/roles';
import { FIRST_NOTICE_VERSION } from '@linli/types/privacy';
import { sealedValue, sealValue } from './sealed';

const COLLECTION = 'users';

/** A minor's guardian as stored: sealed (a minor's data is sensitive, PIPL art. 28). */
const guardianSchema = z.object({
  name: z.string(),
  phone: z.string(),
  consentAt: storedDate,
  consentVersion: z.string(),
});
export type Guardian = z.output<typeof guardianSchema>;
const GUARDIAN_FIELD = 'users.guardian';
const MINOR_FIELD = 'users.minor';

/** A user as stored. `_id` is the OPENID: one document per WeChat user, found with one read. */
export const userDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  stationId: z.string(),
  communityId: z.string().nullable(),
  roles: z.array(roleSchema),
  phone: z.string().optional(),
  consentAt: storedDate,
  /** The privacy notice version agreed to; profiles from before versions were kept agreed to the first. */
  consentVersion: z.string().default(FIRST_NOTICE_VERSION),
  /** Under 14 (types/privacy.ts guardianProblems): a guardian consented for them. Sealed: a minor's data. */
  minor: sealedValue(MINOR_FIELD, z.boolean()).optional(),
  guardian: sealedValue(GUARDIAN_FIELD, guardianSchema).optional(),
  createdAt: storedDate,
  updatedAt: storedDate,
  demo: z.boolean().optional(),
  /** Random id behind the person's personal sign-in code (phone screen or printed card). */
  cardId: z.string().optional(),
  /** Registered by staff at the door (no WeChat account); `_id` is `walkin-<short id>`. */
  walkIn: z.boolean().optional(),
  createdBy: z.string().optional(),
  /**
   * Staff only (social workers, 站长), recorded by a social worker in a home visit's 探访人员
   * section, and only to check seed 000's staffing rule (至少配备1名男性社工或志愿者): minimum
   * collection — never asked of residents (docs/home-visits.md).
   */
  gender: genderSchema.optional(),
  genderRecordedBy: z.string().optional(),
  genderRecordedAt: storedDate.optional(),
});
export type UserDoc = z.output<typeof userDocSchema>;

export const usersRepository = {
  async findByOpenid(openid: string): Promise<UserDoc | null> {
    // where() instead of doc().get(): a missing user is normal (first use), and doc().get() throws.
    const { data } = await db.collection(COLLECTION).where({ _id: openid }).limit(1).get();
    return data[0] ? narrow(userDocSchema, data[0], 'user') : null;
  },

  /**
   * Creates or replaces the profile fields; roles and createdAt survive an update. Saving is
   * agreeing to the notice version given (the form asks for it every time): a changed notice
   * records a new consent time and version.
   */
  async saveProfile(
    openid: string,
    profile: {
      name: string;
      stationId: string;
      communityId: string;
      phone?: string;
      minor: boolean;
      guardian?: { name: string; phone: string };
    },
    consentVersion: string,
    existing: UserDoc | null,
    now: Date,
  ): Promise<UserDoc> {
    const agreedAgain = !existing || existing.consentVersion !== consentVersion;
    const consentAt = agreedAgain ? now : existing.consentAt;
    const guardian: Guardian | undefined = profile.guardian
      ? { ...profile.guardian, consentAt, consentVersion }
      : undefined;
    const doc: Omit<UserDoc, '_id'> = {
      name: profile.name,
      stationId: profile.stationId,
      communityId: profile.communityId,
      roles: existing ? rolesAfterMove(existing.roles, existing.stationId !== profile.stationId) : ['resident'],
      ...(profile.phone ? { phone: profile.phone } : {}),
      // The personal code survives an edit: a printed card must keep working.
      ...(existing?.cardId ? { cardId: existing.cardId } : {}),
      // So does a gender a social worker recorded for the home-visit rule (the form has no such field).
      ...(existing?.gender
        ? {
            gender: existing.gender,
            genderRecordedBy: existing.genderRecordedBy,
            genderRecordedAt: existing.genderRecordedAt,
          }
        : {}),
      consentAt,
      consentVersion,
      ...(profile.minor ? { minor: true } : {}),
      ...(guardian ? { guardian } : {}),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(existing?.demo ? { demo: true } : {}),
    };
    const { guardian: plainGuardian, minor, ...stored } = doc;
    await db
      .collection(COLLECTION)
      .doc(openid)
      .set({
        data: {
          ...stored,
          ...(minor ? { minor: sealValue(true, MINOR_FIELD) } : {}),
          ...(plainGuardian ? { guardian: sealValue(plainGuardian, GUARDIAN_FIELD) } : {}),
        },
      });
    return { _id: openid, ...doc };
  },

  /**
   * Records agreement to a newer notice (and, for a minor, the guardian's agreement with it).
   * Conditional on the version read, so two taps of 同意 write once.
   */
  async acceptNotice(user: UserDoc, version: string, now: Date): Promise<UserDoc> {
    const guardian = user.guardian ? { ...user.guardian, consentAt: now, consentVersion: version } : undefined;
    await db
      .collection(COLLECTION)
      .where({ _id: user._id, consentAt: user.consentAt })
      .update({
        data: {
          consentAt: now,
          consentVersion: version,
          updatedAt: now,
          ...(guardian ? { guardian: sealValue(guardian, GUARDIAN_FIELD) } : {}),
        },
      });
    return { ...user, consentAt: now, consentVersion: version, updatedAt: now, ...(guardian ? { guardian } : {}) };
  },

  async findByCardId(cardId: string): Promise<UserDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ cardId }).limit(1).get();
    return data[0] ? narrow(userDocSchema, data[0], 'user') : null;
  },

  /** Gives a person a card id once; a concurrent call keeps whichever was written first. */
  async ensureCardId(user: UserDoc, candidate: string): Promise<string> {
    if (user.cardId) return user.cardId;
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: user._id, cardId: _.exists(false) })
      .update({ data: { cardId: candidate } });
    if (stats.updated === 1) return candidate;
    return (await usersRepository.findByOpenid(user._id))?.cardId ?? candidate;
  },

  /**
   * Adds a role (an approved volunteer gets 'volunteer'). Writes only when the role is missing,
   * and `addToSet` keeps one however many approvals race.
   */
  async addRole(openid: string, role: Role, now: Date): Promise<void> {
    await db
      .collection(COLLECTION)
      .where({ _id: openid, roles: _.nin([role]) })
      .update({ data: { roles: _.addToSet(role), updatedAt: now } });
  },

  /** Records a staff member's gender for the home-visit staffing rule (see the field). */
  async setGender(openid: string, stationId: string, gender: Gender, by: string, now: Date): Promise<boolean> {
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: openid, stationId })
      .update({ data: { gender, genderRecordedBy: by, genderRecordedAt: now, updatedAt: now } });
    return stats.updated === 1;
  },

  /** Replaces the card id: the old card (and the phone's old code) stop working at once. */
  async replaceCardId(userId: string, cardId: string): Promise<void> {
    await db.collection(COLLECTION).where({ _id: userId }).update({ data: { cardId } });
  },

  /** A resident registered at the door by staff: no WeChat account, no consent screen seen. */
  async createWalkIn(doc: UserDoc): Promise<void> {
    const { _id, ...data } = doc;
    await db.collection(COLLECTION).add({ data: { _id, ...data } });
  },

  /**
   * Finds a station's residents by name (contains) or by the last digits of their phone, for
   * proxy sign-in. At most 20: a search is refined, not paged.
   */
  async search(stationId: string, query: string): Promise<UserDoc[]> {
    const escaped = query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const condition = /^\d{3,11}$/.test(query)
      ? { stationId, phone: db.RegExp({ regexp: `${escaped}$` }) }
      : { stationId, name: db.RegExp({ regexp: escaped }) };
    const { data } = await db.collection(COLLECTION).where(condition).orderBy('name', 'asc').limit(20).get();
    return narrowAll(userDocSchema, data, 'user');
  },

  async findMany(ids: readonly string[]): Promise<UserDoc[]> {
    if (ids.length === 0) return [];
    const raws: unknown[] = [];
    for (let i = 0; i < ids.length; i += PAGE_SIZE) {
      const chunk = ids.slice(i, i + PAGE_SIZE);
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
    return narrowAll(userDocSchema, raws, 'user');
  },

  /** Staff of a station (social workers and admins), bounded: a station has dozens, not thousands. */
  async listStaff(stationId: string): Promise<UserDoc[]> {
    return usersRepository.listByRole(stationId, 'social_worker', 'admin');
  },

  /** A station's users holding any of the roles, by name; bounded (a station has hundreds at most). */
  async listByRole(stationId: string, ...roles: Role[]): Promise<UserDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ stationId, roles: _.in(roles) })
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
