import { dueReminders } from '../../../cloudfunctions/_shared/domain/reminders';

const start = new Date('2026-11-24T06:00:00Z');
const activity = { status: 'published' as const, startAt: start, endAt: new Date(start.getTime() + 2 * 3600_000) };
const hoursBeforeStart = (h: number) => new Date(start.getTime() - h * 3600_000);

it('reminds the day before: between 24 and 2 hours before the start', () => {
  expect(dueReminders(activity, hoursBeforeStart(24.01))).toEqual([]);
  expect(dueReminders(activity, hoursBeforeStart(24))).toEqual(['day_before']);
  expect(dueReminders(activity, hoursBeforeStart(2.01))).toEqual(['day_before']);
  expect(dueReminders(activity, hoursBeforeStart(2))).toEqual([]);
});

it('reminds shortly before: within the last hour before the start', () => {
  expect(dueReminders(activity, hoursBeforeStart(1))).toEqual(['starting_soon']);
  expect(dueReminders(activity, hoursBeforeStart(0))).toEqual([]);
});

it('invites feedback within 24 hours after the end', () => {
  expect(dueReminders(activity, activity.endAt)).toEqual(['feedback']);
  expect(dueReminders(activity, new Date(activity.endAt.getTime() + 24 * 3600_000))).toEqual([]);
});

it('sends nothing for a cancelled activity', () => {
  expect(dueReminders({ ...activity, status: 'cancelled' }, hoursBeforeStart(1))).toEqual([]);
});
