import type { SignInResult } from '@linli/types/actions/checkin';
import type { SignInMethod } from '@linli/types/entities/activity';
import { mayAttend, signInProblem } from '../../_shared/domain/attendance';
import { AppError } from '../../_shared/runtime/app-error';
import { attendanceId, attendanceRepository, type AttendanceDoc } from '../../_shared/repositories/attendance';

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
  now: Date;
}

/** Paper lists are entered after the event: no sign-in window; the time recorded is the start. */
const isPaper = (request: SignInRequest) => request.method === 'paper';

/**
 * Records one sign-in or sign-out — the one decision every way of signing in goes through
 * (resident scan, staff scan of a personal code, proxy). Database work: one aggregation that
 * reads the activity, booking and attendance together, then at most one write. Repeats are
 * answered as "already", never counted twice: the attendance _id is unique per person and
 * activity. A household party signs in together (headcount = the booking's party size).
 */
export async function recordSignIn(request: SignInRequest): Promise<SignInResult> {
  const { activityId, attendee, mode, now } = request;
  const context = await attendanceRepository.signInContext(activityId, attendee.id);
  if (!context || (request.requireStationId && context.activity.stationId !== request.requireStationId)) {
    throw new AppError('NOT_FOUND', '未找到该活动');
  }
  const { activity, booking, attendance } = context;
  const problem = signInProblem(activity, now);
  if (isPaper(request)) {
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    if (now < activity.startAt) throw new AppError('SIGN_IN_NOT_OPEN', '活动开始后才能补录纸质签到');
  } else if (problem) throw new AppError(problem);

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
    const latest = await attendanceRepository.find(activityId, attendee.id);
    return result('already_signed_out', latest?.signedOutAt ?? now, valid.headcount);
  }

  if (valid) return result('already_signed_in', valid.signedInAt, valid.headcount);
  const liveBooking = booking && (booking.status === 'confirmed' || booking.status === 'waitlisted') ? booking : null;
  if (!mayAttend(activity, attendee.id, !!liveBooking)) throw new AppError('NOT_INVITED', '该活动仅限受邀居民参加');

  const doc: AttendanceDoc = {
    _id: attendanceId(activityId, attendee.id),
    activityId,
    stationId: activity.stationId,
    areaId: activity.areaId,
    kind: activity.kind,
    activityStartAt: activity.startAt,
    personId: attendee.id,
    personName: attendee.name,
    communityId: attendee.communityId,
    headcount: liveBooking?.partySize ?? 1,
    signedInAt: isPaper(request) ? activity.startAt : now,
    method: request.method,
    recordedBy: request.recordedBy,
    history: [],
  };
  const written = attendance
    ? await attendanceRepository.revive(attendance, doc)
    : await attendanceRepository.insert(doc);
  if (written) return result('signed_in', doc.signedInAt, doc.headcount);
  // Lost a race with a concurrent scan of the same person: theirs is the sign-in, made at this
  // same moment. Answering without reading it back keeps every scan within three requests.
  return result('already_signed_in', doc.signedInAt, doc.headcount);
}
