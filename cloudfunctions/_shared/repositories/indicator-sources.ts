import { z } from 'zod';
import { activityKindSchema, serviceAreaSchema } from '@linli/types/entities/activity';
import { registrationStatusSchema, type RegistrationStatus } from '@linli/types/entities/volunteer';
import { genderSchema, visitRoleSchema, type Gender, type VisitRole } from '@linli/types/entities/visit-team';
import type { ActivityRow, AttendanceGroup } from '../domain/indicator-sessions';
import type { ApprovedEntryRow } from '../domain/indicator-volunteers';
import { AppError } from '../runtime/app-error';
import { db, _ } from '../runtime/cloud';
import { narrowAll, storedDate } from './sdk';

/**
 * The aggregations the indicators count from: each is ONE database request that matches by
 * station and period on an index (config/db-indexes.json) and groups in the database, so its cost
 * does not grow with how the answer is used — never a page-by-page read of raw records. Each
 * answers rows the pure rules (domain/indicator-*.ts) turn into numbers.
 *
 * Every pipeline ends in an explicit $limit (the cloud returns 20 rows without one); a result that
 * fills its limit would be a wrong number, so it is refused instead of cut short.
 */

const $ = _.aggregate;
/** A query condition (possibly a command such as _.or) as the aggregate's $match takes it. */
const condition = (c: object): Record<string, unknown> => c as unknown as Record<string, unknown>;
/** China has no summer time: China-time calendar parts are UTC parts of the instant + 8 hours. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const chinaMonth = (field: string) => $.dateToString({ date: $.add([field, CHINA_OFFSET_MS]), format: '%Y-%m' });

function refuseIfFull(list: unknown[], limit: number, what: string): void {
  if (list.length >= limit) {
    console.error(`[indicators] ${what}: ${list.length} rows reached the limit ${limit}`);
    throw new AppError('PLATFORM_LIMIT', '统计的数据量超出单次汇总的上限，请联系管理员');
  }
}

/** A station-month holds hundreds of activities; a district's busiest station a few thousand. */
const ACTIVITY_LIMIT = 20_000;
const GROUP_LIMIT = 100_000;

const activityRowSchema = z.object({
  _id: z.string(),
  title: z.string(),
  kind: activityKindSchema,
  serviceArea: serviceAreaSchema,
  areaId: z.string(),
  communityId: z.string(),
  startAt: storedDate,
  endAt: storedDate,
  sessions: z.array(z.object({ startAt: storedDate, endAt: storedDate })).optional(),
  status: z.enum(['published', 'cancelled']),
  rescheduledAt: storedDate.optional(),
});

const attendanceGroupSchema = z.object({
  _id: z.object({
    a: z.string(),
    s: z.number().int().nullable().optional(),
    r: z.string(),
    /** Who annulled: absent (null) for the valid records. */
    x: z.string().nullable().optional(),
  }),
  headcount: z.number().int(),
  records: z.number().int(),
});

/** A volunteer as the indicators read them: no contact details. */
export interface VolunteerFact {
  id: string;
  realName: string;
  communityId: string;
  status: RegistrationStatus;
  approvedAt?: Date;
  core: boolean;
  coreAt?: Date;
}

const volunteerFactSchema = z.object({
  _id: z.string(),
  realName: z.string(),
  communityId: z.string(),
  status: registrationStatusSchema,
  approvedAt: storedDate.optional(),
  core: z.boolean(),
  coreAt: storedDate.optional(),
});

/** One person on a home visit's team, as the records hold them (domain/home-visits.ts joins them). */
export interface VisitTeamRow {
  activityId: string;
  personId: string;
  role: VisitRole;
  /** recorded by staff (visit_team), or signed in with the volunteer code (volunteer_attendance). */
  source: 'recorded' | 'signed_in';
  gender: Gender | null;
  name: string;
}

const joinedPerson = z.object({
  _id: z.string(),
  name: z.string().optional(),
  realName: z.string().optional(),
  gender: genderSchema.optional(),
});
const visitTeamsSchema = z.object({
  _id: z.string(),
  rec: z.array(z.object({ personId: z.string(), role: visitRoleSchema, removedAt: storedDate.optional() })),
  scan: z.array(z.object({ volunteerId: z.string(), volunteerName: z.string() })),
  recUsers: z.array(joinedPerson),
  recVols: z.array(joinedPerson),
  scanVols: z.array(joinedPerson),
});

export const indicatorSourcesRepository = {
  /**
   * The station's activities that run in [from, to) (a 小组 series spans months): what a month's
   * sessions are read from. Index: activities.station_start_end.
   */
  async activitiesRunning(
    stationId: string,
    from: Date,
    to: Date,
  ): Promise<(ActivityRow & { rescheduled: boolean })[]> {
    const { list } = await db
      .collection('activities')
      .aggregate()
      .match({ stationId, startAt: _.lt(to), endAt: _.gte(from) })
      .project({
        title: 1,
        kind: 1,
        serviceArea: 1,
        areaId: 1,
        communityId: 1,
        startAt: 1,
        endAt: 1,
        sessions: 1,
        status: 1,
        rescheduledAt: 1,
      })
      .limit(ACTIVITY_LIMIT)
      .end();
    refuseIfFull(list, ACTIVITY_LIMIT, 'activities of a month');
    return narrowAll(activityRowSchema, list, 'activity row').map((row) => ({
      id: row._id,
      title: row.title,
      kind: row.kind,
      serviceArea: row.serviceArea,
      areaId: row.areaId,
      communityId: row.communityId,
      startAt: row.startAt,
      endAt: row.endAt,
      ...(row.sessions ? { sessions: row.sessions } : {}),
      status: row.status,
      rescheduled: row.rescheduledAt !== undefined,
    }));
  },

  /**
   * The teams of these home visits of the station, in ONE request: the members staff recorded
   * (visit_team, removed ones left out) and the volunteers who signed in at them
   * (volunteer_attendance), each with the gender and name on their staff (users) or volunteer
   * (volunteers) record — a social worker's gender is on their user record, a volunteer's on their
   * registration. What a month's roll-up, the team section and the activity list all read.
   * Indexes: _id, visit_team.activity, volunteer_attendance.activity.
   */
  async homeVisitTeams(stationId: string, activityIds: readonly string[]): Promise<VisitTeamRow[]> {
    if (activityIds.length === 0) return [];
    const limit = Math.min(ACTIVITY_LIMIT, activityIds.length);
    const { list } = await db
      .collection('activities')
      .aggregate()
      .match({ stationId, _id: _.in([...new Set(activityIds)]) })
      .lookup({ from: 'visit_team', localField: '_id', foreignField: 'activityId', as: 'rec' })
      .lookup({ from: 'volunteer_attendance', localField: '_id', foreignField: 'activityId', as: 'scan' })
      .lookup({ from: 'users', localField: 'rec.personId', foreignField: '_id', as: 'recUsers' })
      .lookup({ from: 'volunteers', localField: 'rec.personId', foreignField: '_id', as: 'recVols' })
      .lookup({ from: 'volunteers', localField: 'scan.volunteerId', foreignField: '_id', as: 'scanVols' })
      // Only what the rule and the list need: no phone numbers or contacts leave the database.
      .project({
        'rec.personId': 1,
        'rec.role': 1,
        'rec.removedAt': 1,
        'scan.volunteerId': 1,
        'scan.volunteerName': 1,
        'recUsers._id': 1,
        'recUsers.name': 1,
        'recUsers.gender': 1,
        'recVols._id': 1,
        'recVols.realName': 1,
        'recVols.gender': 1,
        'scanVols._id': 1,
        'scanVols.realName': 1,
        'scanVols.gender': 1,
      })
      .limit(limit)
      .end();
    const rows: VisitTeamRow[] = [];
    for (const visit of narrowAll(visitTeamsSchema, list, 'visit team')) {
      const user = new Map(visit.recUsers.map((u) => [u._id, u]));
      const recordedVolunteer = new Map(visit.recVols.map((v) => [v._id, v]));
      const scannedVolunteer = new Map(visit.scanVols.map((v) => [v._id, v]));
      for (const m of visit.rec) {
        if (m.removedAt) continue;
        const person = m.role === 'staff' ? user.get(m.personId) : recordedVolunteer.get(m.personId);
        rows.push({
          activityId: visit._id,
          personId: m.personId,
          role: m.role,
          source: 'recorded',
          gender: person?.gender ?? null,
          name: person?.realName ?? person?.name ?? user.get(m.personId)?.name ?? '（已删除的用户）',
        });
      }
      // A 小组 has a scan per session; a visit has one, but a person counts once all the same.
      const seen = new Set<string>();
      for (const s of visit.scan) {
        if (seen.has(s.volunteerId)) continue;
        seen.add(s.volunteerId);
        const volunteer = scannedVolunteer.get(s.volunteerId);
        rows.push({
          activityId: visit._id,
          personId: s.volunteerId,
          role: 'volunteer',
          source: 'signed_in',
          gender: volunteer?.gender ?? null,
          name: volunteer?.realName ?? s.volunteerName,
        });
      }
    }
    return rows;
  },

  /**
   * Attendance per session of the records whose session started in [from, to) by their snapshot,
   * plus every record of the activities named (moved after people signed in: their snapshots may
   * lie elsewhere). Valid headcount, valid records and annulled records per (activity, session).
   * Indexes: attendance.station_start, attendance.activity_signed_in.
   */
  async attendanceBySession(
    stationId: string,
    from: Date,
    to: Date,
    alsoActivityIds: readonly string[],
  ): Promise<AttendanceGroup[]> {
    const inMonth = { stationId, activityStartAt: _.gte(from).and(_.lt(to)) };
    const match = alsoActivityIds.length > 0 ? _.or([inMonth, { activityId: _.in([...alsoActivityIds]) }]) : inMonth;
    const { list } = await db
      .collection('attendance')
      .aggregate()
      .match(condition(match))
      // Valid and annulled records apart by the key (who annulled; none for a valid one) rather
      // than by a per-record condition: plain sums, which every engine groups fast.
      .group({
        _id: { a: '$activityId', s: '$session', r: '$areaId', x: '$annulled.by' },
        headcount: $.sum('$headcount'),
        records: $.sum(1),
      })
      .limit(GROUP_LIMIT)
      .end();
    refuseIfFull(list, GROUP_LIMIT, 'attendance groups');
    return narrowAll(attendanceGroupSchema, list, 'attendance group').map((g) => {
      const annulled = g._id.x !== undefined && g._id.x !== null;
      return {
        activityId: g._id.a,
        session: g._id.s ?? null,
        recordAreaId: g._id.r,
        headcount: annulled ? 0 : g.headcount,
        records: annulled ? 0 : g.records,
        annulled: annulled ? g.records : 0,
      };
    });
  },

  /**
   * 服务人数 of one indicator over a period: distinct people among the valid attendance at the
   * activities it counts, per 片区 and in total (a person in two 片区 is one person in 合计). A
   * household party's unnamed members are people too: each person counts with the largest party
   * they brought. The records' own snapshot times bound the period; the activities are named by
   * whichever list is shorter — those counted, or those of the period not counted — and records
   * are put in their snapshot 片区 except those of activities moved since (`moved`: activity → its
   * 片区 now). Index: attendance.station_start. Returns ≤ (片区 + 1) rows.
   */
  async distinctPeople(
    stationId: string,
    from: Date,
    to: Date,
    activities: { counted: readonly string[]; notCounted: readonly string[]; moved: ReadonlyMap<string, string> },
  ): Promise<{ byArea: Record<string, number>; total: number }> {
    if (activities.counted.length === 0) return { byArea: {}, total: 0 };
    const movedTo = new Map<string, string[]>();
    for (const [activityId, areaId] of activities.moved)
      movedTo.set(areaId, [...(movedTo.get(areaId) ?? []), activityId]);
    const areaOf =
      movedTo.size === 0
        ? '$areaId'
        : $.switch({
            branches: [...movedTo].map(([areaId, ids]) => ({
              case: $.in(['$activityId', $.literal(ids)]),
              then: areaId,
            })),
            default: '$areaId',
          });
    const which =
      activities.notCounted.length < activities.counted.length
        ? activities.notCounted.length > 0
          ? { activityId: _.nin([...activities.notCounted]) }
          : {}
        : { activityId: _.in([...activities.counted]) };
    const { list } = await db
      .collection('attendance')
      .aggregate()
      .match({
        stationId,
        activityStartAt: _.gte(from).and(_.lt(to)),
        ...which,
        annulled: _.exists(false),
      })
      .group({ _id: { p: '$personId', a: areaOf }, n: $.max('$headcount') })
      .group({ _id: '$_id.p', total: $.max('$n'), areas: $.push({ a: '$_id.a', n: '$n' }) })
      .project({ rows: $.concatArrays(['$areas', [{ a: '*', n: '$total' }]]) })
      .unwind('$rows')
      .group({ _id: '$rows.a', people: $.sum('$rows.n') })
      .limit(1000)
      .end();
    const rows = narrowAll(z.object({ _id: z.string().nullable(), people: z.number().int() }), list, 'distinct people');
    const byArea: Record<string, number> = {};
    let total = 0;
    for (const row of rows) {
      if (row._id === '*') total = row.people;
      else if (row._id !== null) byArea[row._id] = row.people;
    }
    return { byArea, total };
  },

  /**
   * A station's approved hour entries served in [from, to), per volunteer, each entry compact:
   * the overlap rule (hour-entries.ts: a volunteer's overlapping minutes count once) needs each
   * volunteer's intervals, so they come grouped — one request, bounded by the month's entries.
   * Index: hour_entries.station_status.
   */
  async approvedEntries(stationId: string, from: Date, to: Date): Promise<ApprovedEntryRow[]> {
    const { list } = await db
      .collection('hour_entries')
      .aggregate()
      .match({ stationId, status: 'approved', servedAt: _.gte(from).and(_.lt(to)) })
      .group({
        _id: '$volunteerId',
        entries: $.push({
          id: '$_id',
          m: '$minutes',
          s: '$interval.start',
          e: '$interval.end',
          a: $.arrayElemAt(['$approvals.at', 0]),
          d: '$servedAt',
        }),
      })
      .limit(GROUP_LIMIT)
      .end();
    refuseIfFull(list, GROUP_LIMIT, 'volunteers with hours');
    const rows = narrowAll(
      z.object({
        _id: z.string(),
        entries: z.array(
          z.object({
            id: z.string(),
            m: z.number().int(),
            s: storedDate.nullable().optional(),
            e: storedDate.nullable().optional(),
            a: storedDate.nullable().optional(),
            d: storedDate,
          }),
        ),
      }),
      list,
      'approved entries',
    );
    return rows.flatMap((row) =>
      row.entries.map((e) => ({
        id: e.id,
        volunteerId: row._id,
        minutes: e.m,
        ...(e.s && e.e ? { start: e.s, end: e.e } : {}),
        ...(e.a ? { approvedAt: e.a } : {}),
        servedAt: e.d,
      })),
    );
  },

  /**
   * The station's volunteers as the indicators need them — community (for the 片区), status,
   * approval and 骨干 dates — and no contact details. A station has hundreds of volunteers; this
   * reads the ones named plus those approved or marked 骨干 in [from, to). Index:
   * volunteers.station_status.
   */
  async volunteerFacts(
    stationId: string,
    ids: readonly string[],
    from: Date | null,
    to: Date | null,
  ): Promise<VolunteerFact[]> {
    const conditions: object[] = [];
    if (ids.length > 0) conditions.push({ _id: _.in([...new Set(ids)]) });
    if (from && to) {
      const between = _.gte(from).and(_.lt(to));
      conditions.push({ stationId, approvedAt: between }, { stationId, coreAt: between });
    }
    if (conditions.length === 0) return [];
    const { list } = await db
      .collection('volunteers')
      .aggregate()
      .match(condition(conditions.length === 1 ? conditions[0]! : _.or(conditions)))
      .project({ realName: 1, communityId: 1, status: 1, approvedAt: 1, core: 1, coreAt: 1 })
      .limit(GROUP_LIMIT)
      .end();
    refuseIfFull(list, GROUP_LIMIT, 'volunteers');
    return narrowAll(volunteerFactSchema, list, 'volunteer facts').map(({ _id, ...v }) => ({ id: _id, ...v }));
  },

  /** The station's teams with their members' ids (a handful of teams, dozens of members each). */
  async teamsWithMembers(
    stationId: string,
  ): Promise<{ id: string; name: string; createdAt: Date; memberIds: string[] }[]> {
    const { list } = await db
      .collection('teams')
      .aggregate()
      .match({ stationId })
      .lookup({ from: 'team_members', localField: '_id', foreignField: 'teamId', as: 'members' })
      .project({ name: 1, createdAt: 1, memberIds: '$members.volunteerId' })
      .limit(1000)
      .end();
    refuseIfFull(list, 1000, 'teams');
    return narrowAll(
      z.object({ _id: z.string(), name: z.string(), createdAt: storedDate, memberIds: z.array(z.string()) }),
      list,
      'team',
    ).map(({ _id, ...t }) => ({ id: _id, ...t }));
  },

  /**
   * One page of a station's approved hour entries served in [from, to), optionally of some
   * volunteers, oldest first, with the total: what a drill-down lists. Index:
   * hour_entries.station_status.
   */
  async approvedEntriesPage(
    stationId: string,
    from: Date,
    to: Date,
    volunteerIds: readonly string[] | null,
    skip: number,
    limit: number,
  ): Promise<{
    total: number;
    items: { id: string; volunteerId: string; minutes: number; servedAt: Date; content: string }[];
  }> {
    const where = {
      stationId,
      status: 'approved',
      servedAt: _.gte(from).and(_.lt(to)),
      ...(volunteerIds ? { volunteerId: _.in([...volunteerIds]) } : {}),
    };
    const [{ total }, { data }] = await Promise.all([
      db.collection('hour_entries').where(where).count(),
      db
        .collection('hour_entries')
        .where(where)
        .field({ volunteerId: true, minutes: true, servedAt: true, content: true })
        .orderBy('servedAt', 'asc')
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(limit)
        .get(),
    ]);
    const rows = narrowAll(
      z.object({
        _id: z.string(),
        volunteerId: z.string(),
        minutes: z.number().int(),
        servedAt: storedDate,
        content: z.string(),
      }),
      data,
      'hour entry',
    );
    return { total, items: rows.map(({ _id, ...r }) => ({ id: _id, ...r })) };
  },

  /** Titles of these activities of the station (a drill-down page's worth). */
  async activityTitles(stationId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const { data } = await db
      .collection('activities')
      .where({ stationId, _id: _.in([...new Set(ids)]) })
      .field({ title: true })
      .limit(1000)
      .get();
    const rows = narrowAll(z.object({ _id: z.string(), title: z.string() }), data, 'activity title');
    return new Map(rows.map((r) => [r._id, r.title]));
  },

  /** The station's volunteers living in these communities (ids and names): a drill-down's 片区. */
  async volunteersOfCommunities(stationId: string, communityIds: readonly string[]): Promise<VolunteerFact[]> {
    const { list } = await db
      .collection('volunteers')
      .aggregate()
      .match({ stationId, communityId: _.in([...communityIds]) })
      .project({ realName: 1, communityId: 1, status: 1, approvedAt: 1, core: 1, coreAt: 1 })
      .limit(GROUP_LIMIT)
      .end();
    refuseIfFull(list, GROUP_LIMIT, 'volunteers of communities');
    return narrowAll(volunteerFactSchema, list, 'volunteer facts').map(({ _id, ...v }) => ({ id: _id, ...v }));
  },

  /**
   * Which station-months changed since `since` (null: ever), from the records' own timestamps:
   * attendance (by its session's start), activities (every month they run in), approved or
   * corrected hour entries (by the day served), home visits' recorded team members (by the
   * visit's start). One aggregation per collection.
   */
  async touchedMonths(since: Date | null): Promise<{ stationId: string; from: string; to: string }[]> {
    const changed = since ? { updatedAt: _.gte(since) } : {};
    const run = async (collection: string, startField: string, endField: string) => {
      const { list } = await db
        .collection(collection)
        .aggregate()
        .match({ ...changed, stationId: _.exists(true) })
        .group({ _id: { s: '$stationId', f: chinaMonth(startField), t: chinaMonth(endField) } })
        .limit(GROUP_LIMIT)
        .end();
      refuseIfFull(list, GROUP_LIMIT, `touched months of ${collection}`);
      return narrowAll(
        z.object({ _id: z.object({ s: z.string(), f: z.string(), t: z.string() }) }),
        list,
        'touched month',
      ).map((row) => ({ stationId: row._id.s, from: row._id.f, to: row._id.t }));
    };
    return [
      ...(await run('attendance', '$activityStartAt', '$activityStartAt')),
      ...(await run('activities', '$startAt', '$endAt')),
      ...(await run('hour_entries', '$servedAt', '$servedAt')),
      // A visit team recorded or changed (a gender recorded touches the visits' activities).
      ...(await run('visit_team', '$activityStartAt', '$activityStartAt')),
    ];
  },
};
