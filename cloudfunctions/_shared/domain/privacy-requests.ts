import { PRIVACY_REQUEST_WORKING_DAYS } from '@linli/types/privacy';
import dayjs, { STATION_TIME_ZONE } from '../runtime/dayjs';

/**
 * Deletion requests (docs/privacy.md "Requests"): when one is due, whether it is late, and which
 * step it may take. Pure; the clock is passed in.
 */

/**
 * The end (23:59:59.999 China time) of the 15th working day after the day of the request.
 * Working days are Monday to Friday. Public holidays are not subtracted: the State Council moves
 * them every year (and makes some weekends working days), so counting only weekends can make the
 * deadline earlier than the law's, never later.
 */
export function deletionDueAt(requestedAt: Date, workingDays = PRIVACY_REQUEST_WORKING_DAYS): Date {
  let day = dayjs(requestedAt).tz(STATION_TIME_ZONE).startOf('day');
  let counted = 0;
  while (counted < workingDays) {
    day = day.add(1, 'day');
    const weekday = day.day();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return day.endOf('day').toDate();
}

export const isOverdue = (request: { status: string; dueAt: Date }, now: Date): boolean =>
  request.status === 'pending' && now.getTime() > request.dueAt.getTime();

/**
 * A person's n-th request has a derived id, so two taps of 申请删除 at once make one request
 * (the second insert is a duplicate and reads the first back).
 */
export const deletionRequestId = (subjectRef: string, n: number): string => `dr.${subjectRef}.${n}`;
