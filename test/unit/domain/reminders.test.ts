import { dueReminders } from '../../../cloudfunctions/_shared/domain/reminders';

const start = new Date('2026-11-24T06:00:00Z');
const activity = { status: 'published' as const, startAt: start, endAt: new Date(start.getTime() + 2 * 3600_000) };
const kinds = (due: ReturnType<typeof dueReminders>) => due.map((d) => d.kind);
const hoursBeforeStart = (h: number) => new Date(start.getTime() - h * 3600_000);

it('reminds the day before: between 24 and 2 hours before the start', () => {
  expect(kinds(dueReminders(activity, hoursBeforeStart(24.01)))).toEqual([]);
  expect(kinds(dueReminders(activity, hoursBeforeStart(24)))).toEqual(['day_before']);
  expect(kinds(dueReminders(activity, hoursBeforeStart(2.01)))).toEqual(['day_before']);
  expect(kinds(dueReminders(activity, hoursBeforeStart(2)))).toEqual([]);
});

it('sends no "starting soon" nudge: the 报名 prompt keeps its three places for what matters more', () => {
  for (const hours of [1.99, 1, 0.5, 0]) expect(kinds(dueReminders(activity, hoursBeforeStart(hours)))).toEqual([]);
});

it('invites feedback within 24 hours after the end', () => {
  expect(kinds(dueReminders(activity, activity.endAt))).toEqual(['feedback']);
  expect(kinds(dueReminders(activity, new Date(activity.endAt.getTime() + 24 * 3600_000)))).toEqual([]);
});

it('sends nothing for a cancelled activity', () => {
  expect(kinds(dueReminders(activity, hoursBeforeStart(20)))).toEqual(['day_before']);
  expect(kinds(dueReminders({ ...activity, status: 'cancelled' }, hoursBeforeStart(20)))).toEqual([]);
});

it('reminds before each session of a group, and invites feedback after the last (one form per series)', () => {
  const week = 7 * 24 * 3600_000;
  const sessions = [0, 1, 2].map((i) => ({
    startAt: new Date(start.getTime() + i * week),
    endAt: new Date(activity.endAt.getTime() + i * week),
  }));
  const group = { ...activity, endAt: sessions[2]!.endAt, sessions };
  const dayBeforeSecond = new Date(sessions[1]!.startAt.getTime() - 20 * 3600_000);
  expect(dueReminders(group, dayBeforeSecond).map((d) => [d.kind, d.session.index])).toEqual([['day_before', 2]]);
  expect(dueReminders(group, sessions[0]!.endAt).map((d) => [d.kind, d.session.index])).toEqual([]);
  expect(dueReminders(group, sessions[2]!.endAt).map((d) => [d.kind, d.session.index])).toEqual([['feedback', 3]]);
});
