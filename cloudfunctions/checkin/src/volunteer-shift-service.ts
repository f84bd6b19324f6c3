import type { SignInResult } from '@linli/types/actions/checkin';
import { attendanceKey, isSeries, sessionForSignIn } from '../../_shared/domain/sessions';
import { formatHours } from '../../_shared/domain/volunteer-hours';
import { makeScanEntry, shiftContent } from '../../_shared/queries/shift-entry';
import { AppError } from '../../_shared/runtime/app-error';
import { activitiesRepository } from '../../_shared/repositories/activities';
import { hourEntriesRepository, scanEntryRootId, type HourEntryDoc } from '../../_shared/repositories/hour-entries';
import type { UserDoc } from '../../_shared/repositories/users';
import {
  volunteerAttendanceRepository,
  type VolunteerAttendanceDoc,
} from '../../_shared/repositories/volunteer-attendance';

export interface VolunteerScanRequest {
  activityId: string;
  volunteer: UserDoc;
  mode: 'in' | 'out';
  method: 'scan' | 'staff_scan';
  recordedBy: string;
  /** Staff may act only on their own station's activities. */
  requireStationId?: string;
  now: Date;
}

/**
 * A volunteer's scan at their shift (the activity's code in volunteer mode, or staff scanning
 * their personal code). Sign-in records the time; sign-out records it and makes the hour entry
 * from the two times — computed here, clipped to the session's time plus the station's grace,
 * pending until staff approve it. Nothing the client sends is taken as hours. Repeats answer
 * "already" and change nothing (the record and the entry have derived ids).
 */
export async function recordVolunteerScan(request: VolunteerScanRequest): Promise<SignInResult> {
  const { activityId, volunteer, mode, now } = request;
  const activity = await activitiesRepository.findById(activityId);
  if (!activity || (request.requireStationId && activity.stationId !== request.requireStationId)) {
    throw new AppError('NOT_FOUND', '未找到该活动');
  }
  if (!volunteer.roles.includes('volunteer') || volunteer.stationId !== activity.stationId) {
    throw new AppError('NOT_VOLUNTEER', '只有本站审核通过的志愿者可以用志愿者签到码');
  }
  const choice = sessionForSignIn(activity, now);
  if ('problem' in choice) throw new AppError(choice.problem, choice.message);
  const { session } = choice;
  const id = attendanceKey(activityId, volunteer._id, session.index);
  const result = (outcome: SignInResult['outcome'], at: Date, extra: Partial<SignInResult> = {}): SignInResult => ({
    outcome,
    activityId,
    activityTitle: shiftContent(activity, session),
    personName: volunteer.name,
    headcount: 1,
    at: at.toISOString(),
    asVolunteer: true,
    ...extra,
  });

  if (mode === 'in') {
    const doc: VolunteerAttendanceDoc = {
      _id: id,
      activityId,
      stationId: activity.stationId,
      volunteerId: volunteer._id,
      volunteerName: volunteer.name,
      ...(isSeries(activity) ? { session: session.index } : {}),
      signedInAt: now,
      method: request.method,
      recordedBy: request.recordedBy,
    };
    if (await volunteerAttendanceRepository.insert(doc)) return result('signed_in', now);
    const existing = await volunteerAttendanceRepository.find(id);
    return result('already_signed_in', existing?.signedInAt ?? now);
  }

  const record = await volunteerAttendanceRepository.find(id);
  if (!record) throw new AppError('NOT_SIGNED_IN', '还没有签到，不能签退');
  const entryId = scanEntryRootId(id);
  if (record.signedOutAt || !(await volunteerAttendanceRepository.signOut(id, now, request.recordedBy))) {
    const entry = await hourEntriesRepository.findById(entryId);
    const latest = await volunteerAttendanceRepository.find(id);
    return result('already_signed_out', latest?.signedOutAt ?? now, entrySummary(entry));
  }
  const entry = await makeScanEntry(activity, session, { ...record, signedOutAt: now }, now);
  if (entry) await hourEntriesRepository.insert(entry);
  return result('signed_out', now, entrySummary(entry));
}

const entrySummary = (entry: HourEntryDoc | null): Partial<SignInResult> => ({
  hours: entry && !entry.flag ? formatHours(entry.minutes) : null,
  flag: entry?.flag ?? null,
});
