import type { ActionInput } from '@linli/types/api';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { fireTimer } from '../../../local/host/timers';
import { runAsWeChatUser } from '../../../local/host/wx-context';
import { main as escalations } from '../../../cloudfunctions/escalations/src/index';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { draft, publish } from '../../support/activities';

/**
 * 意见反馈 against the embedded database: the rules, one test each — residents see only
 * their own; handlers only their station's; every state change an allowed transition, anything
 * else refused with a clear code; plus assignment, anonymity, the audit log, deadlines, the
 * overdue flag to the 站长, retries and races.
 */
const ADMIN = 'oDemoAdmin0001'; // 陈站长
const LI = 'oDemoSocial0001'; // 李社工
const WANG = 'oDemoSocial0002'; // 王社工
const ZHOU = 'oDemoOtherSW01'; // 周社工, another station
const ZHANG = 'oDemoResident01'; // 张阿姨
const LIU = 'oDemoResident02'; // 刘先生
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

let h: FunctionHarness;
beforeEach(async () => {
  clock.setOffset(0);
  h = await startFunctionHarness();
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

type Submit = ActionInput<'feedback', 'submit'>;
const send = (openid: string, overrides: Partial<Submit> = {}, requestId?: string) =>
  h.ok(
    openid,
    'feedback',
    'submit',
    { category: 'complaint', text: '活动室空调太冷，老人受不了', ...overrides },
    requestId,
  );

const complaints = () => h.db.dump('complaints');

describe('sending', () => {
  it('records it, assigns it at once to a social worker in turn, due 2 days later, both steps kept', async () => {
    const before = Date.now();
    const first = await send(ZHANG);
    expect(first).toMatchObject({
      status: 'assigned',
      urgency: 'waiting',
      handlerName: '李社工',
      category: 'complaint',
    });
    expect(Date.parse(first.dueAt) - Date.parse(first.receivedAt)).toBe(2 * DAY);
    expect(Date.parse(first.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(first.history.map((e) => [e.step, e.by, e.handlerName])).toEqual([
      ['receive', '张阿姨', null],
      ['assign', '系统', '李社工'],
    ]);
    const second = await send(LIU, { category: 'suggestion', text: '希望多办一些书法活动' });
    const third = await send(ZHANG, { category: 'opinion', text: '报名页面的字可以再大一点' });
    expect([second.handlerName, third.handlerName]).toEqual(['王社工', '李社工']);
  });

  it('routes a complaint about a staff member to the 站长, and that staff member cannot see it', async () => {
    const about = await send(ZHANG, { aboutStaffId: LI, text: '李社工接电话态度不好' });
    expect(about.handlerName).toBe('陈站长');
    expect(about.about.staffName).toBe('李社工');
    expect(await h.errorCode(LI, 'feedback', 'get', { complaintId: about.id })).toBe('NOT_FOUND');
    expect((await h.ok(LI, 'feedback', 'inbox', {})).items).toEqual([]);
    expect((await h.ok(ADMIN, 'feedback', 'inbox', {})).items.map((i) => i.id)).toEqual([about.id]);
  });

  it('ties it to an activity of the station; another station’s activity or staff member is not found, and nothing is kept', async () => {
    const activity = await publish(h, { title: '长者书法班' });
    const sent = await send(ZHANG, { aboutActivityId: activity.id, category: 'opinion', text: '书法班的墨汁不够用' });
    expect(sent.about).toEqual({ activityId: activity.id, activityTitle: '长者书法班', staffName: null });

    const elsewhere = await h.ok(ZHOU, 'activity', 'publish', {
      ...draft({ title: '花地活动' }),
      communityId: 'comm1',
      areaId: 'area1',
    });
    const count = (await complaints()).length;
    expect(
      await h.errorCode(ZHANG, 'feedback', 'submit', {
        category: 'complaint',
        text: '别的站的活动太吵了',
        aboutActivityId: elsewhere.id,
      }),
    ).toBe('NOT_FOUND');
    expect(
      await h.errorCode(ZHANG, 'feedback', 'submit', {
        category: 'complaint',
        text: '别的站的社工态度差',
        aboutStaffId: ZHOU,
      }),
    ).toBe('NOT_FOUND');
    expect(
      await h.errorCode(ZHANG, 'feedback', 'submit', {
        category: 'complaint',
        text: '居民不是工作人员',
        aboutStaffId: LIU,
      }),
    ).toBe('NOT_FOUND');
    expect((await complaints()).length).toBe(count);
  });

  it('refuses bad input with a field and a Chinese message, and keeps nothing', async () => {
    const count = (await complaints()).length;
    const short = await h.call(ZHANG, 'feedback', 'submit', { category: 'complaint', text: '差' });
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'text' }] } });
    expect(!short.ok && short.error.fields?.[0]?.message).toBe('请至少写5个字，说清楚发生了什么');
    expect(
      await h.errorCode(ZHANG, 'feedback', 'submit', { category: 'praise' as never, text: '社工们辛苦了谢谢' }),
    ).toBe('INVALID_INPUT');
    expect(
      await h.errorCode(ZHANG, 'feedback', 'submit', {
        category: 'opinion',
        text: '照片不是上传的文件',
        photoFileIds: ['https://evil.example/x.png'],
      }),
    ).toBe('INVALID_INPUT');
    const someoneElses = await h.call(ZHANG, 'feedback', 'submit', {
      category: 'opinion',
      text: '附上别人的照片',
      photoFileIds: [await h.upload(LIU)],
    });
    expect(someoneElses).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'photoFileIds.0', message: '只能附上自己上传的照片' }] },
    });
    expect(
      await h.errorCode(LI, 'feedback', 'submit', { category: 'complaint', text: '我对自己不满意', aboutStaffId: LI }),
    ).toBe('INVALID_INPUT');
    expect(
      await h.errorCode('oNobodyYet0001', 'feedback', 'submit', { category: 'opinion', text: '我还没有建资料' }),
    ).toBe('PROFILE_REQUIRED');
    expect((await complaints()).length).toBe(count);
  });

  it('a retried submission (same requestId) is one complaint', async () => {
    const first = await send(ZHANG, {}, 'req-complaint-0001');
    const retry = await send(ZHANG, {}, 'req-complaint-0001');
    expect(retry.id).toBe(first.id);
    expect((await complaints()).filter((c) => c.senderId === ZHANG)).toHaveLength(1);
    const other = await send(ZHANG, {}, 'req-complaint-0002');
    expect(other.id).not.toBe(first.id);
  });
});

describe('who sees what', () => {
  it('residents see only their own complaints', async () => {
    const mine = await send(ZHANG);
    expect((await h.ok(ZHANG, 'feedback', 'mine', {})).items.map((i) => i.id)).toEqual([mine.id]);
    expect((await h.ok(LIU, 'feedback', 'mine', {})).items.map((i) => i.id)).toEqual(['fbDemo000001']);
    expect(await h.errorCode(LIU, 'feedback', 'get', { complaintId: mine.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(LIU, 'feedback', 'close', { complaintId: mine.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(ZHANG, 'feedback', 'inbox', {})).toBe('FORBIDDEN');
  });

  it('handlers see only their station’s complaints, and a colleague not the ones assigned to another', async () => {
    const sent = await send(ZHANG); // → 李社工
    expect(await h.errorCode(ZHOU, 'feedback', 'get', { complaintId: sent.id })).toBe('NOT_FOUND');
    expect(await h.errorCode(ZHOU, 'feedback', 'reply', { complaintId: sent.id, reply: '收到' })).toBe('NOT_FOUND');
    expect((await h.ok(ZHOU, 'feedback', 'inbox', {})).items).toEqual([]);
    expect(await h.errorCode(WANG, 'feedback', 'get', { complaintId: sent.id })).toBe('NOT_FOUND');
    expect((await h.ok(LI, 'feedback', 'inbox', {})).items.map((i) => i.id)).toEqual([sent.id]);
    expect(await h.errorCode(LI, 'feedback', 'inbox', { scope: 'station' })).toBe('FORBIDDEN');
    const station = await h.ok(ADMIN, 'feedback', 'inbox', { scope: 'station' });
    expect(station.items.map((i) => i.id).sort()).toEqual([sent.id, 'fbDemo000001'].sort());
  });

  it('shows the inbox without the text or the sender; the detail with both, to the handler', async () => {
    const sent = await send(ZHANG);
    const [row] = (await h.ok(LI, 'feedback', 'inbox', {})).items;
    expect(row).toMatchObject({ id: sent.id, excerpt: null, anonymous: false });
    expect(JSON.stringify(row)).not.toContain('空调');
    expect(JSON.stringify(row)).not.toContain('张阿姨');
    const detail = await h.ok(LI, 'feedback', 'get', { complaintId: sent.id });
    expect(detail.text).toBe('活动室空调太冷，老人受不了');
    expect(detail.sender).toEqual({ name: '张阿姨', phone: '13900000011' });
  });

  it('an anonymous sender is known to the handler only: the 站长 and the trail say 匿名居民', async () => {
    const sent = await send(ZHANG, { anonymous: true });
    const handler = await h.ok(LI, 'feedback', 'get', { complaintId: sent.id });
    expect(handler.sender?.name).toBe('张阿姨');
    expect(handler.history[0]!.by).toBe('张阿姨');
    const admin = await h.ok(ADMIN, 'feedback', 'get', { complaintId: sent.id });
    expect(admin.sender).toBeNull();
    expect(admin.history[0]!.by).toBe('匿名居民');
    expect(JSON.stringify(admin)).not.toMatch(/张阿姨|13900000011|oDemoResident01/);
    const own = await h.ok(ZHANG, 'feedback', 'get', { complaintId: sent.id });
    expect(own.sender?.name).toBe('张阿姨');
  });

  it('every staff read is kept in the audit log — who, which, when — and the 站长 sees the reads', async () => {
    const sent = await send(ZHANG);
    await h.ok(ZHANG, 'feedback', 'get', { complaintId: sent.id });
    await h.ok(LI, 'feedback', 'get', { complaintId: sent.id });
    await h.ok(LI, 'feedback', 'get', { complaintId: sent.id });
    const log = await h.db.dump('audit_log');
    expect(log.map((r) => [r.action, r.actorId, r.objectId])).toEqual([
      ['complaint.read', LI, sent.id],
      ['complaint.read', LI, sent.id],
    ]);
    expect(log.every((r) => r.at instanceof Date && r.stationId === 'st-lingnan')).toBe(true);
    const admin = await h.ok(ADMIN, 'feedback', 'get', { complaintId: sent.id });
    expect(admin.reads?.map((r) => r.by)).toEqual(['陈站长', '李社工', '李社工']);
    expect((await h.ok(LI, 'feedback', 'get', { complaintId: sent.id })).reads).toBeNull();
  });

  it('photos are short-lived links for the sender and the handling staff, made at each read', async () => {
    const photo = await h.upload(ZHANG);
    const sent = await send(ZHANG, { photoFileIds: [photo] });
    const link = `http://linli.test/__files/${encodeURIComponent(photo)}?expires=`;
    for (const viewer of [ZHANG, LI, ADMIN]) {
      const [url] = (await h.ok(viewer, 'feedback', 'get', { complaintId: sent.id })).photoUrls;
      expect(url?.startsWith(link)).toBe(true);
    }
    expect(await h.errorCode(WANG, 'feedback', 'get', { complaintId: sent.id })).toBe('NOT_FOUND');
    const inbox = await h.ok(LI, 'feedback', 'inbox', {});
    expect(JSON.stringify(inbox)).not.toContain(encodeURIComponent(photo));
  });
});

describe('every state change is an allowed transition', () => {
  it('reply → close, and anything else from there is refused with TRANSITION_NOT_ALLOWED', async () => {
    const sent = await send(ZHANG);
    const replied = await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '已请物业把空调调到26度' });
    expect(replied).toMatchObject({ status: 'replied', urgency: 'replied', reply: '已请物业把空调调到26度' });
    const again = await h.call(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '再答复一次' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'TRANSITION_NOT_ALLOWED', message: '这条反馈已答复，不能答复' },
    });

    const own = await h.ok(ZHANG, 'feedback', 'get', { complaintId: sent.id });
    expect(own.can).toEqual({ reply: false, close: true, reopen: true, reassign: false });
    const closed = await h.ok(ZHANG, 'feedback', 'close', { complaintId: sent.id, note: '问题解决了，谢谢' });
    expect(closed.status).toBe('closed');
    expect(closed.history.map((e) => e.step)).toEqual(['receive', 'assign', 'reply', 'close']);
    expect(closed.history.at(-1)).toMatchObject({ by: '张阿姨', note: '问题解决了，谢谢' });

    expect(await h.errorCode(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '补充说明' })).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    expect(await h.errorCode(LI, 'feedback', 'close', { complaintId: sent.id })).toBe('TRANSITION_NOT_ALLOWED');
    expect(await h.errorCode(ADMIN, 'feedback', 'reassign', { complaintId: sent.id, handlerId: WANG })).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('cannot close before a reply, nor reopen what was never answered', async () => {
    const sent = await send(ZHANG);
    expect(await h.errorCode(ZHANG, 'feedback', 'close', { complaintId: sent.id })).toBe('TRANSITION_NOT_ALLOWED');
    expect(await h.errorCode(ZHANG, 'feedback', 'reopen', { complaintId: sent.id, reason: '还没人理我' })).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
  });

  it('the sender reopens within 7 days of the reply, with a new 2-day deadline; later it is refused', async () => {
    const sent = await send(ZHANG);
    await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '已调整' });
    clock.setOffset(3 * DAY);
    const reopened = await h.ok(ZHANG, 'feedback', 'reopen', { complaintId: sent.id, reason: '还是很冷' });
    expect(reopened).toMatchObject({ status: 'reopened', urgency: 'waiting' });
    expect(Date.parse(reopened.dueAt)).toBeGreaterThan(Date.now() + 3 * DAY + 2 * DAY - 60_000);
    await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '换了新的空调遥控器' });
    await h.ok(LI, 'feedback', 'close', { complaintId: sent.id });

    clock.setOffset(3 * DAY + 7 * DAY + HOUR);
    const late = await h.call(ZHANG, 'feedback', 'reopen', { complaintId: sent.id, reason: '又坏了' });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'REOPEN_WINDOW_PASSED', message: '答复已超过7天，不能再重新打开，请提交一条新的反馈' },
    });
    expect((await h.ok(ZHANG, 'feedback', 'get', { complaintId: sent.id })).status).toBe('closed');
  });

  it('refuses steps by the wrong person with FORBIDDEN, saying who may', async () => {
    const sent = await send(ZHANG);
    expect(await h.errorCode(ZHANG, 'feedback', 'reply', { complaintId: sent.id, reply: '我自己答复' })).toBe(
      'FORBIDDEN',
    );
    await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '已处理' });
    const staffReopen = await h.call(LI, 'feedback', 'reopen', { complaintId: sent.id, reason: '我想再看看' });
    expect(staffReopen).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有提交人可以重新打开' } });
    expect(await h.errorCode(LI, 'feedback', 'reassign', { complaintId: sent.id, handlerId: WANG })).toBe('FORBIDDEN');
  });

  it('the 站长 reassigns to another staff member — not to the person it is about, not across stations', async () => {
    const about = await send(ZHANG, { aboutStaffId: WANG, text: '王社工活动迟到了半小时' });
    expect(about.handlerName).toBe('陈站长');
    const moved = await h.ok(ADMIN, 'feedback', 'reassign', {
      complaintId: about.id,
      handlerId: LI,
      note: '请李社工了解情况',
    });
    expect(moved).toMatchObject({ status: 'assigned', handlerName: '李社工', handlerId: LI });
    expect(moved.history.at(-1)).toMatchObject({
      step: 'reassign',
      by: '陈站长',
      handlerName: '李社工',
      note: '请李社工了解情况',
    });
    expect((await h.ok(LI, 'feedback', 'inbox', {})).items.map((i) => i.id)).toEqual([about.id]);

    const toSubject = await h.call(ADMIN, 'feedback', 'reassign', { complaintId: about.id, handlerId: WANG });
    expect(toSubject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ path: 'handlerId' }] } });
    expect(await h.errorCode(ADMIN, 'feedback', 'reassign', { complaintId: about.id, handlerId: ZHANG })).toBe(
      'INVALID_INPUT',
    );
    expect(await h.errorCode(ADMIN, 'feedback', 'reassign', { complaintId: about.id, handlerId: LI })).toBe(
      'INVALID_INPUT',
    );
    expect(await h.errorCode(ADMIN, 'feedback', 'reassign', { complaintId: about.id, handlerId: ZHOU })).toBe(
      'NOT_FOUND',
    );
    expect((await h.ok(ADMIN, 'feedback', 'get', { complaintId: about.id })).handlerName).toBe('李社工');
  });

  it('two staff replying at once: one reply is written, the other is told it was already replied', async () => {
    const sent = await send(ZHANG);
    const answers = await Promise.all([
      h.call(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '李社工的答复' }),
      h.call(ADMIN, 'feedback', 'reply', { complaintId: sent.id, reply: '站长的答复' }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['TRANSITION_NOT_ALLOWED']);
    const [doc] = (await complaints()).filter((c) => c._id === sent.id);
    expect((doc!.history as { step: string }[]).filter((e) => e.step === 'reply')).toHaveLength(1);
  });

  it('a retried reply with the same requestId answers the first result instead of refusing', async () => {
    const sent = await send(ZHANG);
    const first = await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '已处理' }, 'req-reply-00001');
    const retry = await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '已处理' }, 'req-reply-00001');
    expect(retry).toEqual(first);
  });
});

describe('deadlines', () => {
  it('shows what is overdue to the handler, and flags it to the 站长 — on the workbench and by one message', async () => {
    const sent = await send(ZHANG); // → 李社工
    const about = await send(LIU, { aboutStaffId: ADMIN, text: '站长没有回复我的电话' }); // → 王社工, hidden from 陈站长
    expect(about.handlerName).toBe('王社工');
    clock.setOffset(36 * HOUR);
    expect((await h.ok(LI, 'feedback', 'inbox', {})).items[0]).toMatchObject({ id: sent.id, urgency: 'due_soon' });
    expect(await h.ok(LI, 'feedback', 'summary', {})).toEqual({
      awaiting: 1,
      dueSoon: 1,
      overdue: 0,
      stationOverdue: null,
    });

    clock.setOffset(2 * DAY + HOUR);
    expect((await h.ok(LI, 'feedback', 'inbox', {})).items[0]).toMatchObject({ id: sent.id, urgency: 'overdue' });
    expect(await h.ok(LI, 'feedback', 'summary', {})).toEqual({
      awaiting: 1,
      dueSoon: 0,
      overdue: 1,
      stationOverdue: null,
    });
    expect(await h.ok(ADMIN, 'feedback', 'summary', {})).toEqual({
      awaiting: 0,
      dueSoon: 0,
      overdue: 0,
      stationOverdue: 1,
    });

    await fireTimer('escalations', 'flagOverdueComplaints');
    await fireTimer('escalations', 'flagOverdueComplaints');
    const messages = await h.db.dump('outbox');
    expect(messages).toEqual([
      expect.objectContaining({
        toOpenid: ADMIN,
        template: 'complaint_overdue',
        page: `subpackages/staff/pages/complaint/index?id=${sent.id}`,
      }),
    ]);
    // What a phone's notification list shows: no text, no sender.
    expect(JSON.stringify(messages)).not.toMatch(/空调|张阿姨|站长没有回复/);

    // Answered late: no longer overdue, but it counts against the in-time rate.
    await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '抱歉答复晚了' });
    expect(await h.ok(ADMIN, 'feedback', 'summary', {})).toMatchObject({ stationOverdue: 0 });
  });

  it('a reopened complaint that goes overdue again is flagged again', async () => {
    const sent = await send(ZHANG);
    clock.setOffset(3 * DAY);
    await fireTimer('escalations', 'flagOverdueComplaints');
    await h.ok(LI, 'feedback', 'reply', { complaintId: sent.id, reply: '已处理' });
    await h.ok(ZHANG, 'feedback', 'reopen', { complaintId: sent.id, reason: '没有解决' });
    clock.setOffset(6 * DAY);
    await fireTimer('escalations', 'flagOverdueComplaints');
    expect((await h.db.dump('outbox')).filter((m) => m.template === 'complaint_overdue')).toHaveLength(2);
  });

  it('cannot be run by a user, only by the timer', async () => {
    const asUser = await runAsWeChatUser({ OPENID: ADMIN, APPID: 'wx' }, () =>
      escalations({ Type: 'Timer', TriggerName: 'flagOverdueComplaints' }),
    );
    expect(asUser).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('indicators', () => {
  it('counts by category and the share answered within 2 days, over a period of days', async () => {
    const a = await send(ZHANG, { category: 'complaint' });
    const b = await send(LIU, { category: 'opinion', text: '希望开一个手机课堂' });
    await send(ZHANG, { category: 'suggestion', text: '建议活动提前一周通知' });
    await h.ok(LI, 'feedback', 'reply', { complaintId: a.id, reply: '已处理' }); // in time
    clock.setOffset(3 * DAY);
    await h.ok(WANG, 'feedback', 'reply', { complaintId: b.id, reply: '下月开课' }); // late; the third never answered
    const today = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const start = new Date(Date.now() - 10 * DAY + 8 * HOUR).toISOString().slice(0, 10);
    const figures = await h.ok(ADMIN, 'feedback', 'indicators', { fromDate: start, toDate: today });
    // The demo suggestion (answered in a day) is in the period too.
    expect(figures).toMatchObject({
      byCategory: { opinion: 1, suggestion: 2, complaint: 1 },
      total: 4,
      judged: 4,
      answeredInTime: 2,
      inTimeRate: '50.00%',
      overdueOpen: 1,
    });
    expect(await h.errorCode(ZHANG, 'feedback', 'indicators', { fromDate: start, toDate: today })).toBe('FORBIDDEN');
    expect(await h.errorCode(ADMIN, 'feedback', 'indicators', { fromDate: today, toDate: start })).toBe(
      'INVALID_INPUT',
    );
  });
});
