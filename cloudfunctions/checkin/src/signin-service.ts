import type { SignInResult } from '@linli/types/actions/checkin';
import type { SignInMethod } from '@linli/types/entities/activity';
import { mayAttend } from '../../_shared/domain/attendance';
import {
  attendanceKey,
  isSeries,
  sessionForPaper,
  sessionForSignIn,
  sessionOfRecord,
} from '../../_shared/domain/sessions';
import { AppError } from '../../_shared/runtime/app-error';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import { attendanceRepository, type AttendanceDoc } from '../../_shared/repositories/attendance';

export interface Attendee {
  id: string;
  name: string;
  communityId: string | null;
}

export interface SignInRequest {
  activityId: string;
  attendee: Attendee;
  mode: 'in' | 'out';
  method: SignInMethod;
  /** Who recorded it: the attendee themself for a scan, else the staff member. */
  recordedBy: string;
  /** Staff may act only on their own station's activities. */
  requireStationId?: string;
  /** A paper list names its session of a group (default: the latest started). */
  session?: number;
  /** The paper list's note, kept on each record it makes. */
  note?: string;
  now: Date;
}

/** Paper lists are entered after the event: no sign-in window; the time recorded is the start. */
const isPaper = (request: SignInRequest) => request.method === 'paper';

/**
 * Records one sign-in or sign-out — the one decision every way of signing in goes through
 * (resident scan, staff scan of a personal code, proxy). Database work: one aggregation that
 * reads the activity, booking and attendance together, then at most one write. Repeats are
 * answered as "already", never counted twice: the attendance _id is unique per person and
 * activity and session. A household party signs in together (headcount = the booking's party
 * size). At a 小组 series the session is the one whose sign-in window holds the moment (a paper
 * list names it), and each session has its own record.
 */
export async function recordSignIn(request: SignInRequest): Promise<SignInResult> {
  const { activityId, attendee, mode, now } = request;
  const context = await attendanceRepository.signInContext(activityId, attendee.id);
  if (!context || (request.requireStationId && context.activity.stationId !== request.requireStationId)) {
    throw new AppError('NOT_FOUND', '未找到该活动');
  }
  const { activity, booking } = context;
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  const choice = isPaper(request) ? sessionForPaper(activity, now, request.session) : sessionForSignIn(activity, now);
  if ('problem' in choice) throw new AppError(choice.problem, choice.message);
  const { session } = choice;
  const attendance = context.attendance.find((a) => sessionOfRecord(a) === session.index) ?? null;

  const result = (outcome: SignInResult['outcome'], at: Date, headcount: number): SignInResult => ({
    outcome,
    activityId,
    activityTitle: activity.title,
    personName: attendee.name,
    headcount,
    at: at.toISOString(),
  });
  const valid = attendance && !attendance.annulled ? attendance : null;

  if (mode === 'out') {
    if (!valid) throw new AppError('NOT_SIGNED_IN');
    if (valid.signedOutAt) return result('already_signed_out', valid.signedOutAt, valid.headcount);
    if (await attendanceRepository.signOut(valid._id, now, request.recordedBy)) {
      return result('signed_out', now, valid.headcount);
    }
    const latest = await attendanceRepository.find(activityId, attendee.id, session.index);
    return result('already_signed_out', latest?.signedOutAt ?? now, valid.headcount);
  }

  if (valid) return result('already_signed_in', valid.signedInAt, valid.headcount);
  const liveBooking = booking && (booking.status === 'confirmed' || booking.status === 'waitlisted') ? booking : null;
  if (!mayAttend(activity, attendee.id, !!liveBooking)) throw new AppError('NOT_INVITED', '该活动仅限受邀居民参加');

  const doc: AttendanceDoc = {
    _id: attendanceKey(activityId, attendee.id, session.index),
    activityId,
    stationId: activity.stationId,
    areaId: activity.areaId,
    kind: activity.kind,
    // The session's own start: 服务人次 by period falls in the month the session was held.
    activityStartAt: session.startAt,
    ...(isSeries(activity) ? { session: session.index } : {}),
    personId: attendee.id,
    personName: attendee.name,
    communityId: attendee.communityId,
    headcount: liveBooking?.partySize ?? 1,
    signedInAt: isPaper(request) ? session.startAt : now,
    method: request.method,
    recordedBy: request.recordedBy,
    ...(request.note ? { note: request.note } : {}),
    history: [],
    updatedAt: now,
  };
  const written = attendance
    ? await attendanceRepository.revive(attendance, doc)
    : await attendanceRepository.insert(doc);
  if (written) return result('signed_in', doc.signedInAt, doc.headcount);
  // Lost a race with a concurrent scan of the same person: theirs is the sign-in, made at this
  // same moment. Answering without reading it back keeps every scan within three requests.
  return result('already_signed_in', doc.signedInAt, doc.headcount);
}

/**
 * What `recordSignIn` would refuse for someone not registered yet (no booking, no record, not
 * invited): checked before a walk-in is registered, so a refused sign-in leaves no resident
 * record behind (found by the fuzz test).
 */
export function assertWalkInMayAttend(activity: ActivityDoc, now: Date): void {
  const choice = sessionForSignIn(activity, now);
  if ('problem' in choice) throw new AppError(choice.problem, choice.message);
  if (!mayAttend(activity, '', false)) throw new AppError('NOT_INVITED', '该活动仅限受邀居民参加');
}
