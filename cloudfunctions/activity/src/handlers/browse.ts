import { AppError } from '../../../_shared/runtime/app-error';
import dayjs from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository } from '../../../_shared/repositories/activities';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import { bookingsRepository } from '../../../_shared/repositories/bookings';
import { toActivity, toBooking } from '../../../_shared/views/activity';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { myActivityView, myAttendance } from './my-activity-view';

/** Cursors are offsets: lists are short-lived and ordered, and an offset needs no extra index. */
export const decodeCursor = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  const skip = Number(cursor);
  if (!Number.isInteger(skip) || skip < 0 || skip > 10_000) throw new AppError('INVALID_INPUT', '分页参数无效');
  return skip;
};
export const nextCursor = (skip: number, got: number, limit: number) =>
  got === limit ? { nextCursor: String(skip + limit) } : {};

export const list = defineAction('activity', 'list', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle({ communityId, kind, fromDate, cursor, limit }, { caller, now }) {
    const skip = decodeCursor(cursor);
    const from = fromDate ? dayjs.tz(fromDate, 'Asia/Shanghai').startOf('day').toDate() : now;
    const docs = await activitiesRepository.listUpcoming(
      caller.stationId,
      { communityId, kind, from: from > now ? from : now },
      skip,
      limit,
    );
    return { items: docs.map(toActivity), ...nextCursor(skip, docs.length, limit) };
  },
});

export const get = defineAction('activity', 'get', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller, now }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const [booking, attendance] = await Promise.all([
      bookingsRepository.find(activityId, caller._id),
      attendanceRepository.forPerson(caller._id, [activityId]),
    ]);
    return myActivityView(activity, caller._id, booking, attendance, now);
  },
});

export const mine = defineAction('activity', 'mine', {
  access: 'registered',
  scope: 'self',
  writes: false,
  async handle(_input, { caller, now }) {
    const bookings = (await bookingsRepository.forPerson(caller._id)).filter((b) => b.status !== 'pending');
    const activities = await activitiesRepository.findMany(bookings.map((b) => b.activityId));
    const attendance = await attendanceRepository.forPerson(
      caller._id,
      activities.map((a) => a._id),
    );
    const rows = activities.map((activity) => ({
      view: {
        activity: toActivity(activity),
        booking: toBooking(bookings.find((b) => b.activityId === activity._id)!),
        ...myAttendance(activity, attendance, now),
      },
      ended: activity.endAt <= now,
      startAt: activity.startAt.getTime(),
    }));
    const strip = (row: (typeof rows)[number]) => row.view;
    return {
      upcoming: rows
        .filter((r) => !r.ended)
        .sort((a, b) => a.startAt - b.startAt)
        .map(strip),
      past: rows
        .filter((r) => r.ended)
        .sort((a, b) => b.startAt - a.startAt)
        .map(strip),
    };
  },
});

export const manage = defineAction('activity', 'manage', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ cursor, limit }, { caller }) {
    const skip = decodeCursor(cursor);
    const docs = await activitiesRepository.listForStation(caller.stationId, skip, limit);
    return { items: docs.map(toActivity), ...nextCursor(skip, docs.length, limit) };
  },
});
