import { z } from 'zod';
import {
  hardshipSchema,
  wishActionSchema,
  wishCategorySchema,
  wishRoleSchema,
  wishStatusSchema,
  type WishStatus,
} from '@linli/types/entities/wish';
import type { WishState } from '../domain/wishes';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, readAllPages, storedDate } from './sdk';
import { seal, sealedString } from './sealed';

const COLLECTION = 'wishes';
const WHY = 'wishes.why';
const HARDSHIP = 'wishes.hardship';

/** The sealed fields of a write, sealed; everything else as given. */
function sealed<T extends { why?: unknown; hardship?: unknown }>(fields: T): T {
  return {
    ...fields,
    ...(typeof fields.why === 'string' ? { why: seal(fields.why, WHY) } : {}),
    ...(typeof fields.hardship === 'string' ? { hardship: seal(fields.hardship, HARDSHIP) } : {}),
  };
}

const eventSchema = z.object({
  action: wishActionSchema,
  from: wishStatusSchema.nullable(),
  to: wishStatusSchema,
  by: z.string(),
  role: wishRoleSchema,
  at: storedDate,
  note: z.string().optional(),
});

/**
 * A wish as stored. The beneficiary's own fields (`why`, `photoFileIds`, `hardship`, the ids of
 * the people involved) sit next to the public ones (`publicTitle`, `publicText`); only the
 * wishes function's public projection decides what leaves for the wall.
 *
 * `why` (their circumstances, often health or family) and `hardship` (困难类别: disability,
 * serious illness, a child in difficulty) are sensitive personal data (PIPL art. 28): stored
 * sealed (repositories/sealed.ts), opened here, never queried.
 *
 * `status`, `version`, `claimerId` and `history` change only through `transition`, one
 * conditional update per step (domain/wishes.ts).
 */
export const wishDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  /** The beneficiary's community and its 片区 when the wish was submitted (the wall, indicators). */
  communityId: z.string().nullable(),
  areaId: z.string().nullable(),
  beneficiaryId: z.string(),
  submittedBy: z.string(),
  what: z.string(),
  why: sealedString(WHY),
  estimatedValue: z.number().int(),
  category: wishCategorySchema,
  photoFileIds: z.array(z.string()),
  hardship: sealedString(HARDSHIP).pipe(hardshipSchema).optional(),
  status: wishStatusSchema,
  version: z.number().int().min(1),
  history: z.array(eventSchema),
  publicTitle: z.string().optional(),
  publicText: z.string().optional(),
  /** Why staff asked for changes or declined, or why the content check held it. */
  reviewNote: z.string().optional(),
  /** The social worker who approved it: the contact for whoever claims it. */
  handlerId: z.string().optional(),
  publishedAt: storedDate.optional(),
  claimerId: z.string().optional(),
  claimedAt: storedDate.optional(),
  delivery: z
    .object({ note: z.string(), photoFileIds: z.array(z.string()), by: z.string(), at: storedDate })
    .optional(),
  confirmedAt: storedDate.optional(),
  createdAt: storedDate,
  updatedAt: storedDate,
  demo: z.boolean().optional(),
});
export type WishDoc = z.output<typeof wishDocSchema>;

/**
 * The fields the wall reads — and the only ones: the query asks the database for these, so the
 * beneficiary's story, photos, hardship and the review notes never even reach the function on
 * the way to a public view. The ids of beneficiary and submitter come along for the rules (a
 * beneficiary may not claim their own wish); the public projection never shows them.
 */
const PUBLIC_FIELDS = {
  _id: true,
  stationId: true,
  status: true,
  version: true,
  beneficiaryId: true,
  submittedBy: true,
  claimerId: true,
  publicTitle: true,
  publicText: true,
  category: true,
  estimatedValue: true,
  communityId: true,
  handlerId: true,
  publishedAt: true,
  claimedAt: true,
  delivery: true,
} as const;
export const publicWishDocSchema = wishDocSchema.pick(PUBLIC_FIELDS);
export type PublicWishDoc = z.output<typeof publicWishDocSchema>;

/** The stored wish as the rules see it. */
export function toWishState(doc: WishDoc): WishState {
  return {
    stationId: doc.stationId,
    status: doc.status,
    version: doc.version,
    beneficiaryId: doc.beneficiaryId,
    submittedBy: doc.submittedBy,
    ...(doc.claimerId ? { claimerId: doc.claimerId } : {}),
    history: doc.history,
  };
}

/**
 * Fields a step writes besides the rules' own (status, version, claimer, history): the public
 * text of an approval, a delivery, a review note. `null` removes a field.
 */
export type WishStepFields = {
  [K in
    | 'what'
    | 'why'
    | 'estimatedValue'
    | 'category'
    | 'photoFileIds'
    | 'hardship'
    | 'publicTitle'
    | 'publicText'
    | 'reviewNote'
    | 'handlerId'
    | 'publishedAt'
    | 'claimedAt'
    | 'delivery'
    | 'confirmedAt']?: WishDoc[K] | null;
};

/** A wish after a step, as `transition` wrote it (so the handler answers without reading again). */
export function afterStep(before: WishDoc, after: WishState, fields: WishStepFields, now: Date): WishDoc {
  const doc: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete doc[key];
    else if (value !== undefined) doc[key] = value;
  }
  delete doc.claimerId;
  return {
    ...(doc as WishDoc),
    status: after.status,
    version: after.version,
    history: after.history,
    ...(after.claimerId ? { claimerId: after.claimerId } : {}),
    updatedAt: now,
  };
}

const PAGE_MAX = 20;

/** One page, the newest (by `orderField`) first; ties in id order so pages neither skip nor repeat. */
const pageQuery = (condition: object, orderField: string, skip: number, limit: number) =>
  db
    .collection(COLLECTION)
    .where(condition)
    .orderBy(orderField, 'desc')
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(Math.min(limit, PAGE_MAX));

/** A page of public faces: only PUBLIC_FIELDS are read. */
async function publicPage(condition: object, orderField: string, skip: number, limit: number) {
  const { data } = await pageQuery(condition, orderField, skip, limit).field(PUBLIC_FIELDS).get();
  return narrowAll(publicWishDocSchema, data, 'wish');
}

export const wishesRepository = {
  /** Inserts a new wish; false if the id is taken (a random id: draw again). */
  async insert(doc: WishDoc): Promise<boolean> {
    try {
      await db.collection(COLLECTION).add({ data: sealed({ ...doc }) });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  },

  async findById(id: string): Promise<WishDoc | null> {
    const { data } = await db.collection(COLLECTION).where({ _id: id }).limit(1).get();
    return data[0] ? narrow(wishDocSchema, data[0], 'wish') : null;
  },

  /**
   * Writes one step as a single update conditional on the status and version read: of two
   * people acting at once (20 claims of one wish) exactly one matches; the others get false,
   * read again and decide on what won.
   */
  async transition(before: WishDoc, after: WishState, fields: WishStepFields, now: Date): Promise<boolean> {
    const data: Record<string, unknown> = {
      status: after.status,
      version: after.version,
      history: _.set(after.history),
      claimerId: after.claimerId ?? _.remove(),
      updatedAt: now,
    };
    for (const [key, value] of Object.entries(sealed(fields))) {
      if (value === undefined) continue;
      // Arrays and objects are set whole (the SDK would otherwise merge them field by field).
      data[key] =
        value === null ? _.remove() : typeof value === 'object' && !(value instanceof Date) ? _.set(value) : value;
    }
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id: before._id, status: before.status, version: before.version })
      .update({ data });
    return stats.updated === 1;
  },

  /** A person's own wishes (as beneficiary), newest first; a person has a handful, bounded at 100. */
  async ofBeneficiary(beneficiaryId: string): Promise<WishDoc[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ beneficiaryId })
            .orderBy('createdAt', 'desc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      100,
    );
    return narrowAll(wishDocSchema, raws, 'wish');
  },

  /** A page of a station's wishes in these statuses, the most recently changed first. */
  async ofStation(stationId: string, statuses: readonly WishStatus[], skip: number, limit: number) {
    const { data } = await pageQuery({ stationId, status: _.in([...statuses]) }, 'updatedAt', skip, limit).get();
    return narrowAll(wishDocSchema, data, 'wish');
  },

  /** A page of the wall: the station's published wishes, the newest first. */
  async published(stationId: string, skip: number, limit: number) {
    return publicPage({ stationId, status: 'published' }, 'publishedAt', skip, limit);
  },

  /** A page of what a person holds or delivered (a released claim is no longer theirs). */
  async claimedBy(claimerId: string, skip: number, limit: number) {
    return publicPage({ claimerId, status: _.in(['claimed', 'fulfilled', 'confirmed']) }, 'claimedAt', skip, limit);
  },

  /** How many of a station's wishes are in each status: one aggregation, not a count per status. */
  async countByStatus(stationId: string): Promise<Map<WishStatus, number>> {
    const { list } = await db
      .collection(COLLECTION)
      .aggregate()
      .match({ stationId })
      .group({ _id: '$status', count: _.aggregate.sum(1) })
      .end();
    const rows = narrowAll(z.object({ _id: wishStatusSchema, count: z.number().int() }), list, 'wish count');
    return new Map(rows.map((row) => [row._id, row.count]));
  },

  /**
   * What 点亮微心愿 counts over a period: the station's wishes confirmed in [from, to), only the
   * fields the pure count needs. Bounded at 20 000 (years of a busy station).
   */
  async confirmedBetween(
    stationId: string,
    from: Date,
    to: Date,
  ): Promise<Pick<WishDoc, 'stationId' | 'areaId' | 'status' | 'confirmedAt'>[]> {
    const raws = await readAllPages(
      async (skip, limit) =>
        (
          await db
            .collection(COLLECTION)
            .where({ stationId, status: 'confirmed', confirmedAt: _.gte(from).and(_.lt(to)) })
            .field({ stationId: true, areaId: true, status: true, confirmedAt: true })
            .orderBy('confirmedAt', 'asc')
            .skip(skip)
            .limit(limit)
            .get()
        ).data,
      20_000,
    );
    return narrowAll(
      wishDocSchema.pick({ stationId: true, areaId: true, status: true, confirmedAt: true }),
      raws,
      'wish',
    );
  },
};
