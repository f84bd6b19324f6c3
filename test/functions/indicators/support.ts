import type { ActionInput } from '@linli/types/api';
import type { FunctionHarness } from '../../support/functions';
import { db, _ } from '../../../cloudfunctions/_shared/runtime/cloud';
import dayjs, { STATION_TIME_ZONE } from '../../../cloudfunctions/_shared/runtime/dayjs';
import { DEMO_STATION_ID } from '../../../local/demo/seed';

export const ADMIN = 'oDemoAdmin0001';
export const SOCIAL = 'oDemoSocial0001';
export const SOCIAL2 = 'oDemoSocial0002';
export const OTHER_SOCIAL = 'oDemoOtherSW01';
export const RESIDENT = 'oDemoResident01';
export const VOLUNTEER = 'oDemoVolunteer1';

const MINUTE = 60_000;

/** The first instant of the China-time month `offset` months from now (0: this month). */
export const monthStart = (offset: number) => dayjs().tz(STATION_TIME_ZONE).startOf('month').add(offset, 'month');
export const monthKey = (offset: number) => monthStart(offset).format('YYYY-MM');
/** A China-time moment in the month `offset` months from now. */
export const inMonth = (offset: number, day: number, hour = 10) =>
  monthStart(offset).date(day).hour(hour).minute(0).second(0).millisecond(0).toDate();
/**
 * A moment of this month that has passed: an hour ago, but never before the month began (a test
 * run in the first hour of a month still gets a moment of this month).
 */
export const earlierThisMonth = () =>
  new Date(Math.max(monthStart(0).valueOf() + MINUTE, Math.floor((Date.now() - 3_600_000) / MINUTE) * MINUTE));

/**
 * Takes the demo data's own sign-ins away (its past activities and 小组 sit a few days back, in a
 * month that depends on today), so a test's numbers are only its own.
 */
export async function clearDemoAttendance(): Promise<void> {
  await db
    .collection('attendance')
    .where({ activityId: _.in(DEMO_ACTIVITIES) })
    .remove();
  await db.collection('survey_responses').where({ stationId: DEMO_STATION_ID }).remove();
  await db.collection('wishes').where({ stationId: DEMO_STATION_ID }).remove();
  await db.collection('complaints').where({ stationId: DEMO_STATION_ID }).remove();
}
const DEMO_ACTIVITIES = ['DemoAct006', 'DemoAct007', 'DemoAct008', 'DemoAct009', 'DemoAct010'];

export interface ActivitySpec {
  id: string;
  kind: string;
  startAt: Date;
  minutes?: number;
  areaId?: string;
  communityId?: string;
  serviceArea?: string;
  stationId?: string;
  title?: string;
  status?: 'published' | 'cancelled';
  /** A 小组 series: the start of every session (each `minutes` long). */
  sessionStarts?: Date[];
}

/** Stores an activity the way `activity.publish` does (ids: 10 characters, [0-9A-Za-z]). */
export async function insertActivity(h: FunctionHarness, a: ActivitySpec) {
  const doc = activityDoc(a);
  await h.db.insertMany('activities', [doc]);
  return doc;
}

export function activityDoc(a: ActivitySpec) {
  const minutes = a.minutes ?? 90;
  const starts = a.sessionStarts ?? [a.startAt];
  const sessions = starts.map((s) => ({ startAt: s, endAt: new Date(s.getTime() + minutes * MINUTE) }));
  const doc = {
    _id: a.id,
    stationId: a.stationId ?? DEMO_STATION_ID,
    title: a.title ?? `测试活动${a.id}`,
    description: '',
    kind: a.kind,
    serviceArea: a.serviceArea ?? 'elderly',
    areaId: a.areaId ?? 'area1',
    communityId: a.communityId ?? 'comm1',
    place: '活动室',
    startAt: sessions[0]!.startAt,
    endAt: sessions.at(-1)!.endAt,
    ...(a.sessionStarts ? { sessions } : {}),
    capacity: 500,
    seatsTaken: 0,
    waitlisted: 0,
    bookingOpensAt: new Date(sessions[0]!.startAt.getTime() - 7 * 24 * 60 * MINUTE),
    bookingClosesAt: sessions[0]!.startAt,
    audience: 'everyone',
    invited: [],
    volunteerRoles: [],
    status: a.status ?? 'published',
    createdBy: SOCIAL,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  return { ...doc, sessions };
}

type StoredActivity = ReturnType<typeof activityDoc>;

/**
 * Sign-ins as `checkin` stores them: one record per person (a household party is one record with
 * its headcount), `annulled` ones kept but annulled.
 */
export async function insertSignIns(
  h: FunctionHarness,
  activity: StoredActivity,
  people: (string | { personId: string; headcount: number })[],
  options: { session?: number; annulled?: string[] } = {},
) {
  await h.db.insertMany('attendance', signInDocs(activity, people, options));
}

export function signInDocs(
  activity: StoredActivity,
  people: (string | { personId: string; headcount: number })[],
  options: { session?: number; annulled?: string[] } = {},
) {
  const session = options.session ?? 1;
  const start = activity.sessions[session - 1]!.startAt;
  const series = activity.sessions.length > 1;
  return people.map((p, i) => {
    const { personId, headcount } = typeof p === 'string' ? { personId: p, headcount: 1 } : p;
    const annulled = options.annulled?.includes(personId);
    return {
      _id: session === 1 ? `${activity._id}.${personId}` : `${activity._id}.${personId}.${session}`,
      activityId: activity._id,
      stationId: activity.stationId,
      areaId: activity.areaId,
      kind: activity.kind,
      activityStartAt: start,
      ...(series ? { session } : {}),
      personId,
      personName: `居民${personId}`,
      communityId: activity.communityId,
      headcount,
      signedInAt: new Date(start.getTime() + i * 1000),
      method: 'scan',
      recordedBy: personId,
      ...(annulled ? { annulled: { by: SOCIAL, at: start, reason: '误签' } } : {}),
      history: [],
      updatedAt: start,
    };
  });
}

export const people = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(3, '0')}`);

/** An approved hour entry as `hours` stores it (version 1, approved by 王社工). */
interface EntrySpec {
  id: string;
  volunteerId: string;
  start: Date;
  minutes: number;
  status?: string;
  stationId?: string;
}

export async function insertApprovedEntry(h: FunctionHarness, e: EntrySpec) {
  await h.db.insertMany('hour_entries', [entryDoc(e)]);
}

export function entryDoc(e: EntrySpec) {
  const end = new Date(e.start.getTime() + e.minutes * MINUTE);
  return {
    _id: e.id,
    rootId: e.id,
    version: 1,
    stationId: e.stationId ?? DEMO_STATION_ID,
    volunteerId: e.volunteerId,
    source: 'manual',
    minutes: e.minutes,
    interval: { start: e.start, end },
    servedAt: e.start,
    status: e.status ?? 'approved',
    createdBy: SOCIAL,
    approvals: e.status && e.status !== 'approved' ? [] : [{ by: SOCIAL2, at: end }],
    history: [],
    content: '入户探访',
    createdAt: end,
    updatedAt: end,
  };
}

/** An approved volunteer of the demo station living in `communityId`. */
export async function insertVolunteer(
  h: FunctionHarness,
  id: string,
  communityId: string,
  approvedAt: Date,
  core = false,
) {
  await h.db.insertMany('volunteers', [
    {
      _id: id,
      stationId: DEMO_STATION_ID,
      realName: `志愿者${id.slice(-3)}`,
      phone: '13900000099',
      communityId,
      skills: [],
      availability: '',
      emergencyContact: { name: '家属', phone: '13900000098' },
      consentAt: approvedAt,
      status: 'approved',
      appliedAt: approvedAt,
      reviewedBy: SOCIAL,
      reviewedAt: approvedAt,
      approvedAt,
      core,
      ...(core ? { coreAt: approvedAt } : {}),
      updatedAt: approvedAt,
    },
  ]);
}

type Draft = ActionInput<'indicators', 'createContract'>['draft'];

/** A contract of the demo station from three months ago to the end of next month. */
export function draftFor(indicators: Draft['indicators'], over: Partial<Draft> = {}): Draft {
  return {
    name: '岭南街社工服务站购买服务项目（测试）',
    purchaser: '岭南街道办事处',
    periodStart: monthStart(-3).format('YYYY-MM-DD'),
    periodEnd: monthStart(1).endOf('month').format('YYYY-MM-DD'),
    areaIds: ['area1', 'area2', 'area3'],
    indicators,
    ...over,
  };
}

export async function createContract(h: FunctionHarness, indicators: Draft['indicators'], over: Partial<Draft> = {}) {
  return h.ok(ADMIN, 'indicators', 'createContract', { draft: draftFor(indicators, over) });
}

/** Satisfaction form answers as `surveys` stores them (what its roll-up reads): overall ratings, null = skipped. */
export function surveyResponseDocs(activity: StoredActivity, overall: (number | null)[]) {
  const endAt = activity.sessions.at(-1)!.endAt;
  return overall.map((rating, i) => ({
    _id: `${activity._id}.r${i}`,
    activityId: activity._id,
    stationId: activity.stationId,
    areaId: activity.areaId,
    kind: activity.kind,
    activityEndAt: endAt,
    personId: `r${i}`,
    overall: rating,
    hasOverall: rating === null ? 0 : 1,
    isSatisfied: rating !== null && rating >= 4 ? 1 : 0,
    status: 'submitted',
    submittedAt: endAt,
  }));
}

/** A wish confirmed received (what 点亮微心愿 reads of it). */
export const confirmedWishDoc = (id: string, areaId: string | null, confirmedAt: Date) => ({
  _id: id,
  stationId: DEMO_STATION_ID,
  areaId,
  status: 'confirmed',
  confirmedAt,
});

/** An opinion or complaint (what 意见处理及时率 reads of it); replied `afterHours` later, or not. */
export const complaintDoc = (id: string, receivedAt: Date, afterHours: number | null) => ({
  _id: id,
  stationId: DEMO_STATION_ID,
  category: 'complaint',
  status: afterHours === null ? 'assigned' : 'replied',
  receivedAt,
  dueAt: new Date(receivedAt.getTime() + 48 * 3_600_000),
  ...(afterHours === null ? {} : { firstRepliedAt: new Date(receivedAt.getTime() + afterHours * 3_600_000) }),
});
