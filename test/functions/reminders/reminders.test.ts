import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { publish, SOCIAL } from '../../support/activities';
import { fireTimer } from '../../../local/host/timers';
import { runAsWeChatUser } from '../../../local/host/wx-context';
import { main as reminders } from '../../../cloudfunctions/reminders/src/index';

let h: FunctionHarness;
beforeEach(async () => {
  // The demo activities have no bookings and no recent attendance, so they send nothing.
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

const messages = () => h.db.dump('outbox');

it('reminds booked residents the day before, once, however often the schedule runs', async () => {
  const tomorrow = await publish(h, { title: '明天的活动' }, 20);
  await h.ok('oDemoResident01', 'activity', 'book', { activityId: tomorrow.id });
  await h.ok('oDemoResident02', 'activity', 'book', { activityId: tomorrow.id });
  await fireTimer('reminders', 'sendReminders');
  await fireTimer('reminders', 'sendReminders');
  const sent = (await messages()).filter((m) => (m.data as { thing1: string }).thing1 === '明天的活动');
  expect(sent.map((m) => m.toOpenid).sort()).toEqual(['oDemoResident01', 'oDemoResident02']);
  expect(sent.every((m) => m.template === 'activity_reminder')).toBe(true);
});

it('invites those who attended to give feedback after the end, and nobody else', async () => {
  const ended = await publish(
    h,
    {
      title: '刚结束的活动',
      bookingOpensAt: new Date(Date.now() - 10 * 3600_000).toISOString(),
      bookingClosesAt: new Date(Date.now() - 4 * 3600_000).toISOString(),
    },
    -3,
  );
  await h.ok(SOCIAL, 'checkin', 'recordPaper', {
    activityId: ended.id,
    note: '纸质签到补录',
    entries: [{ personId: 'oDemoResident01' }],
  });
  // The invitation is to a form: none goes out while the activity has none.
  await fireTimer('reminders', 'sendReminders');
  const ofEnded = async () =>
    (await messages()).filter((m) => (m.data as { thing1: string }).thing1 === '刚结束的活动');
  expect(await ofEnded()).toEqual([]);

  const { items } = await h.ok(SOCIAL, 'surveys', 'templates', {});
  const form = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: items[0]!.draft });
  await h.ok(SOCIAL, 'surveys', 'attach', { formId: form.id, activityIds: [ended.id] });
  await fireTimer('reminders', 'sendReminders');
  expect(await ofEnded()).toEqual([
    expect.objectContaining({
      toOpenid: 'oDemoResident01',
      template: 'feedback_invitation',
      page: `pages/activity/index?id=${ended.id}&feedback=1`,
    }),
  ]);
});

it('cannot be called by a user, only by the timer', async () => {
  const asUser = await runAsWeChatUser({ OPENID: 'oDemoAdmin0001', APPID: 'wx' }, () =>
    reminders({ Type: 'Timer', TriggerName: 'sendReminders' }),
  );
  expect(asUser).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  const notTimer = await runAsWeChatUser(null, () => reminders({ action: 'sendReminders' }));
  expect(notTimer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

it('sends nothing in the last hour before the start: the day-before reminder is the one reminder', async () => {
  const soon = await publish(h, { title: '马上开始的活动' }, 0.5);
  await h.ok('oDemoResident01', 'activity', 'book', { activityId: soon.id });
  await fireTimer('reminders', 'sendReminders');
  expect((await messages()).filter((m) => (m.data as { thing1: string }).thing1 === '马上开始的活动')).toEqual([]);
});
