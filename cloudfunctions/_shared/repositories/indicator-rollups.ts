import { z } from 'zod';
import { activityKindSchema, serviceAreaSchema } from '@linli/types/entities/activity';
import type { SessionSummary } from '../domain/indicator-sessions';
import type { ServingDay, VolunteerDay } from '../domain/indicator-volunteers';
import { db, _ } from '../runtime/cloud';
import { isDuplicateKeyError, narrow, narrowAll, storedDate } from './sdk';

const COLLECTION = 'indicator_rollups';
const JOBS = 'indicator_jobs';

/** A run of the nightly roll-up job, as recordRun writes it: when it ran and what it did (counts). */
export const indicatorJobDocSchema = z.object({
  _id: z.string(),
  startedAt: storedDate,
  finishedAt: storedDate,
  summary: z.record(z.string(), z.number()),
});

/**
 * A station-month of indicator facts, materialized: `_id` `<stationId>.<YYYY-MM>`. It holds what
 * the month's aggregations answered — one summary per session held (headcount, records, kind,
 * service area, 片区, community, length) and the volunteers' counted minutes and participations
 * per day and 片区 with who served — so a dashboard reads a closed month in one document instead
 * of aggregating its records again. Counting rules are applied at read time (the contract's
 * thresholds are not baked in), so one roll-up serves every contract of the station.
 *
 * `computedAt` is when its aggregations started: a roll-up computed before its month ended is not
 * final (the dashboard reads that month live), and a write never replaces a roll-up computed from
 * later data (two recomputes racing leave the newer one).
 */
const sessionSchema = z.object({
  activityId: z.string(),
  session: z.number().int(),
  title: z.string(),
  plannedKind: activityKindSchema,
  serviceArea: serviceAreaSchema,
  areaId: z.string(),
  communityId: z.string(),
  startAt: storedDate,
  day: z.string(),
  durationMinutes: z.number(),
  series: z.boolean(),
  cancelled: z.boolean(),
  headcount: z.number().int(),
  records: z.number().int(),
  annulled: z.number().int(),
  recordAreaIds: z.array(z.string()),
  /** A home visit's team counts (schema 2 on). */
  visitTeam: z
    .object({
      staff: z.number().int(),
      volunteers: z.number().int(),
      men: z.number().int(),
      unknownGender: z.number().int(),
    })
    .optional(),
});

export const rollupDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  month: z.string(),
  /**
   * Bumped when the shape changes: older roll-ups are recomputed, not misread. 2: home visits
   * carry their team (a schema-1 roll-up would read every visit as unstaffed).
   */
  schema: z.literal(2),
  computedAt: storedDate,
  sessions: z.array(sessionSchema),
  volunteerDays: z.array(
    z.object({
      day: z.string(),
      areaId: z.string().nullable(),
      minutes: z.number().int(),
      participations: z.number().int(),
    }),
  ),
  serving: z.array(z.object({ day: z.string(), volunteerIds: z.array(z.string()) })),
});
export type RollupDoc = z.output<typeof rollupDocSchema>;

export interface MonthFacts {
  sessions: SessionSummary[];
  volunteerDays: VolunteerDay[];
  serving: ServingDay[];
}

export const ROLLUP_SCHEMA = 2 as const;
export const rollupId = (stationId: string, month: string): string => `${stationId}.${month}`;

export const indicatorRollupsRepository = {
  /** The stored roll-ups of these months, in ONE request (a contract period is at most a few dozen months). */
  async find(stationId: string, months: readonly string[]): Promise<RollupDoc[]> {
    return this.findByIds(months.map((m) => rollupId(stationId, m)));
  },

  /** Roll-ups by id, in ONE request (at most 1000: a district's stations, or a station's months). */
  async findByIds(ids: readonly string[]): Promise<RollupDoc[]> {
    if (ids.length === 0) return [];
    const { data } = await db
      .collection(COLLECTION)
      .where({ _id: _.in([...ids]) })
      .limit(Math.min(1000, ids.length))
      .get();
    // A roll-up of an older shape is as good as none: the caller computes the month again.
    return narrowAll(z.looseObject({ schema: z.number() }), data, 'rollup')
      .filter((raw) => raw.schema === ROLLUP_SCHEMA)
      .map((raw) => narrow(rollupDocSchema, raw, 'rollup'));
  },

  /**
   * Stores a month unless a roll-up computed from later data is there already: a conditional
   * update first, an insert when there is none; a lost race leaves the newer one in place.
   */
  async save(stationId: string, month: string, computedAt: Date, facts: MonthFacts): Promise<'saved' | 'newer_kept'> {
    const _id = rollupId(stationId, month);
    const fields = {
      stationId,
      month,
      schema: ROLLUP_SCHEMA,
      computedAt,
      sessions: facts.sessions,
      volunteerDays: facts.volunteerDays,
      serving: facts.serving,
    };
    const { stats } = await db
      .collection(COLLECTION)
      .where({ _id, computedAt: _.lt(computedAt) })
      .update({
        data: {
          ...fields,
          sessions: _.set(fields.sessions),
          volunteerDays: _.set(fields.volunteerDays),
          serving: _.set(fields.serving),
        },
      });
    if (stats.updated === 1) return 'saved';
    try {
      await db.collection(COLLECTION).add({ data: { _id, ...fields } });
      return 'saved';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'newer_kept';
      throw error;
    }
  },

  /** When the nightly run last started (its records from then on are picked up next time). */
  async lastRun(job: string): Promise<Date | null> {
    const { data } = await db.collection(JOBS).where({ _id: job }).limit(1).get();
    if (!data[0]) return null;
    return narrow(z.object({ startedAt: storedDate }), data[0], 'job').startedAt;
  },

  async recordRun(job: string, startedAt: Date, finishedAt: Date, summary: Record<string, number>): Promise<void> {
    await db.collection(JOBS).doc(job).set({ data: { startedAt, finishedAt, summary } });
  },
};
