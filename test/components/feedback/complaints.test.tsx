import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ComplaintSummary, ComplaintView } from '@linli/types/entities/complaint';
import SendFeedbackPage from '@/pages/feedback/send/index';
import MyFeedbackPage from '@/pages/feedback/mine/index';
import FeedbackDetailPage from '@/pages/feedback/detail/index';
import ComplaintsPage, { inboxCounts } from '@/subpackages/staff/pages/complaints/index';
import ComplaintPage from '@/subpackages/staff/pages/complaint/index';
import WorkbenchPage from '@/subpackages/staff/pages/workbench/index';
import { complaintsBadge } from '@/services/complaints';
import { sessionStore } from '@/services/session';
import { openWithParams } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { admin, resident, socialWorker } from '../support/fixtures';
import TaroDouble, { navigateTo, redirectTo } from '../support/taro';

// PickerField as a box that takes the index typed (the platform's wheel cannot turn in jsdom).
jest.mock('@/components/picker-field', () => jest.requireActual('../volunteer-staff/picker-mock'));

afterEach(() => jest.restoreAllMocks());

/**
 * Taro's textarea is a web component: it reports what was typed in the event's detail. Once its
 * element is defined it renders a native textarea with the same placeholder inside: the outer
 * one (first in document order) is the one the page listens to.
 */
const typeText = (placeholder: string, value: string) =>
  fireEvent(
    screen.getAllByPlaceholderText(placeholder)[0]!,
    new CustomEvent('input', { detail: { value }, bubbles: true }),
  );
const fieldOf = (label: string) => screen.getByText(label).closest('.ll-field') as HTMLElement;

function view(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: 'fbAbcdef1234',
    category: 'complaint',
    status: 'assigned',
    urgency: 'waiting',
    text: '活动室空调太冷，老人受不了',
    anonymous: false,
    about: { activityId: null, activityTitle: null, staffName: null },
    sender: { name: '王秀英', phone: '13800000000' },
    handlerName: '李社工',
    handlerId: 'o_li',
    receivedAt: '2026-11-20T15:00:00+08:00',
    dueAt: '2026-11-22T15:00:00+08:00',
    reply: null,
    repliedAt: null,
    closedAt: null,
    reopenUntil: null,
    photoUrls: [],
    history: [
      { step: 'receive', by: '王秀英', at: '2026-11-20T15:00:00+08:00', note: null, handlerName: null },
      { step: 'assign', by: '系统', at: '2026-11-20T15:00:00+08:00', note: null, handlerName: '李社工' },
    ],
    can: { reply: false, close: false, reopen: false, reassign: false },
    reads: null,
    ...overrides,
  };
}

function row(overrides: Partial<ComplaintSummary> = {}): ComplaintSummary {
  return {
    id: 'fbAbcdef1234',
    category: 'complaint',
    excerpt: null,
    status: 'assigned',
    urgency: 'waiting',
    about: { activityId: null, activityTitle: null, staffName: null },
    anonymous: false,
    handlerName: '李社工',
    receivedAt: '2026-11-20T15:00:00+08:00',
    dueAt: '2026-11-22T15:00:00+08:00',
    repliedAt: null,
    reopened: false,
    ...overrides,
  };
}

const options = {
  staff: [
    { id: 'o_chen', name: '陈站长', admin: true },
    { id: 'o_li', name: '李社工', admin: false },
  ],
  activities: [{ id: 'Act0000001', title: '长者书法班', startAt: '2026-11-18T09:30:00+08:00' }],
};

describe('意见反馈 (sending)', () => {
  it('checks the category and the text before sending anything', async () => {
    const api = fakeApi({ account: { me: () => resident }, feedback: { options: () => options } });
    render(<SendFeedbackPage />);
    fireEvent.click(await screen.findByText('提交'));
    expect(fieldOf('类别').textContent).toContain('请选择意见、建议或投诉');
    expect(fieldOf('内容').textContent).toContain('请至少写5个字，说清楚发生了什么');
    expect(api.callsTo('feedback', 'submit')).toHaveLength(0);
  });

  it('sends the category, text, the staff member chosen and anonymity, then opens what was sent', async () => {
    const api = fakeApi({
      account: { me: () => resident },
      feedback: { options: () => options, submit: () => view({ anonymous: true }) },
    });
    render(<SendFeedbackPage />);
    fireEvent.click(await screen.findByRole('radio', { name: '投诉' }));
    typeText('请写下您的意见、建议或投诉', '李社工接电话态度不好');
    fireEvent.change(screen.getByLabelText('关于哪位工作人员'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('switch', { name: '匿名' }));
    expect(screen.getByRole('switch', { name: '匿名' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('提交'));

    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const [sent] = api.callsTo('feedback', 'submit');
    expect(sent!.input).toEqual({
      category: 'complaint',
      text: '李社工接电话态度不好',
      anonymous: true,
      aboutStaffId: 'o_li',
      photoFileIds: [],
    });
    expect(sent!.requestId).toMatch(/^r/);
    expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/feedback/detail/index?id=fbAbcdef1234' });
  });

  it('starts with the activity chosen when opened from one', async () => {
    openWithParams({ activityId: 'Act0000001' });
    fakeApi({ account: { me: () => resident }, feedback: { options: () => options } });
    render(<SendFeedbackPage />);
    expect(((await screen.findByLabelText('关于哪个活动')) as HTMLInputElement).value).toBe(
      '长者书法班（11月18日 周三）',
    );
  });

  it('shows the function’s refusal on the field it names', async () => {
    fakeApi({
      account: { me: () => resident },
      feedback: {
        options: () => options,
        submit: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: '不能投诉自己',
            fields: [{ path: 'aboutStaffId', message: '不能选择自己' }],
          }),
      },
    });
    render(<SendFeedbackPage />);
    fireEvent.click(await screen.findByRole('radio', { name: '意见' }));
    typeText('请写下您的意见、建议或投诉', '活动通知可以早一点发');
    fireEvent.change(screen.getByLabelText('关于哪位工作人员'), { target: { value: '1' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(fieldOf('关于哪位工作人员').textContent).toContain('不能选择自己'));
  });
});

describe('我的反馈 and its detail', () => {
  it('lists what I sent with its state, and opens one', async () => {
    fakeApi({
      feedback: {
        mine: () => ({
          items: [
            row({
              excerpt: '活动室空调太冷',
              status: 'replied',
              urgency: 'replied',
              repliedAt: '2026-11-21T10:00:00+08:00',
            }),
            row({ id: 'fbAbcdef9999', category: 'suggestion', excerpt: '希望多办书法活动' }),
          ],
        }),
      },
    });
    render(<MyFeedbackPage />);
    const cards = await screen.findAllByTestId('complaint-card');
    expect(cards.map((c) => c.textContent)).toEqual([
      expect.stringContaining('投诉已答复活动室空调太冷'),
      expect.stringContaining('建议处理中希望多办书法活动'),
    ]);
    expect(cards[0]!.textContent).toContain('11月21日 周六 10:00 已答复');
    fireEvent.click(cards[1]!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/feedback/detail/index?id=fbAbcdef9999' });
  });

  it('tells the sender who handles it and by when, while it is owed', async () => {
    openWithParams({ id: 'fbAbcdef1234' });
    fakeApi({ feedback: { get: () => view() } });
    render(<FeedbackDetailPage />);
    expect(await screen.findByText('由李社工负责处理，将在 11月22日 周日 15:00 前答复您。')).toBeTruthy();
    expect(screen.queryByText('问题已解决')).toBeNull();
    expect(screen.getAllByTestId('complaint-history')[0]!.textContent).toContain('系统 指派给李社工');
  });

  it('shows the reply; 问题已解决 ends it, 仍不满意 reopens it with a reason', async () => {
    openWithParams({ id: 'fbAbcdef1234' });
    const replied = view({
      status: 'replied',
      urgency: 'replied',
      reply: '已请物业把空调调到26度',
      repliedAt: '2026-11-21T10:00:00+08:00',
      reopenUntil: '2026-11-28T10:00:00+08:00',
      can: { reply: false, close: true, reopen: true, reassign: false },
    });
    const api = fakeApi({
      feedback: {
        get: () => replied,
        reopen: () => view({ status: 'reopened', urgency: 'waiting', dueAt: '2026-11-24T09:00:00+08:00' }),
        close: () => view({ status: 'closed', urgency: 'closed' }),
      },
    });
    render(<FeedbackDetailPage />);
    expect((await screen.findByTestId('complaint-reply')).textContent).toContain('已请物业把空调调到26度');
    expect(screen.getByText('11月28日 周六 10:00 前可以重新打开')).toBeTruthy();

    fireEvent.click(screen.getByText('仍不满意，重新打开'));
    fireEvent.input(screen.getByPlaceholderText('例如：空调还是太冷'), { target: { value: '还是很冷' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByText('重新打开'));
    await waitFor(() => expect(api.callsTo('feedback', 'reopen')).toHaveLength(1));
    expect(api.callsTo('feedback', 'reopen')[0]!.input).toEqual({ complaintId: 'fbAbcdef1234', reason: '还是很冷' });
    expect(await screen.findByText('由李社工负责处理，将在 11月24日 周二 09:00 前答复您。')).toBeTruthy();
  });

  it('问题已解决 ends it, and the page shows it ended', async () => {
    openWithParams({ id: 'fbAbcdef1234' });
    const api = fakeApi({
      feedback: {
        get: () =>
          view({
            status: 'replied',
            urgency: 'replied',
            reply: '已处理',
            can: { reply: false, close: true, reopen: true, reassign: false },
          }),
        close: () => view({ status: 'closed', urgency: 'closed', reply: '已处理' }),
      },
    });
    render(<FeedbackDetailPage />);
    fireEvent.click(await screen.findByText('问题已解决'));
    expect(await screen.findByText('已结束')).toBeTruthy();
    expect(api.callsTo('feedback', 'close')[0]!.input).toEqual({ complaintId: 'fbAbcdef1234', note: '问题已解决' });
    expect(screen.queryByText('仍不满意，重新打开')).toBeNull();
  });

  it('says why a late reopening is refused', async () => {
    openWithParams({ id: 'fbAbcdef1234' });
    fakeApi({
      feedback: {
        get: () =>
          view({
            status: 'replied',
            urgency: 'replied',
            reply: '已处理',
            can: { reply: false, close: true, reopen: true, reassign: false },
          }),
        reopen: () =>
          refuse({ code: 'REOPEN_WINDOW_PASSED', message: '答复已超过7天，不能再重新打开，请提交一条新的反馈' }),
      },
    });
    render(<FeedbackDetailPage />);
    fireEvent.click(await screen.findByText('仍不满意，重新打开'));
    fireEvent.input(screen.getByPlaceholderText('例如：空调还是太冷'), { target: { value: '又坏了' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByText('重新打开'));
    expect(await screen.findByText('答复已超过7天，不能再重新打开，请提交一条新的反馈')).toBeTruthy();
  });
});

describe('意见反馈 (staff inbox)', () => {
  it('is for staff only', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<ComplaintsPage />);
    expect(await screen.findByText('仅社工站工作人员可用')).toBeTruthy();
  });

  it('shows the social worker their own, overdue ones in red, with the counts', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      feedback: {
        inbox: () => ({
          items: [
            row({ urgency: 'overdue', dueAt: '2026-11-19T09:00:00+08:00' }),
            row({
              id: 'fbAbcdef5678',
              urgency: 'due_soon',
              about: { activityId: 'Act0000001', activityTitle: '长者书法班', staffName: null },
            }),
          ],
        }),
        indicators: () => ({
          fromDate: '2026-11-01',
          toDate: '2026-11-20',
          byCategory: { opinion: 1, suggestion: 2, complaint: 3 },
          total: 6,
          judged: 4,
          answeredInTime: 3,
          inTimeRate: '75.00%',
          overdueOpen: 1,
        }),
      },
    });
    render(<ComplaintsPage />);
    const cards = await screen.findAllByTestId('complaint-card');
    expect(cards[0]!.className).toContain('ll-complaint-card--overdue');
    expect(within(cards[0]!).getByText('已超时')).toBeTruthy();
    expect(cards[0]!.textContent).toContain('应于 11月19日 周四 09:00 前答复，已超时');
    expect(cards[1]!.textContent).toContain('投诉 · 关于「长者书法班」');
    expect(within(cards[1]!).getByText('即将到期')).toBeTruthy();
    expect(screen.getByText('2 条待答复 · 1 条已超时')).toBeTruthy();
    expect(screen.queryByRole('radio', { name: '全站' })).toBeNull();
    expect(api.callsTo('feedback', 'inbox')[0]!.input).toEqual({ scope: 'mine', state: 'open' });
    expect((await screen.findByTestId('complaint-indicators')).textContent).toContain('75.00%');
    fireEvent.click(cards[1]!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/complaint/index?id=fbAbcdef5678' });
  });

  it('opens on the whole station for the 站长, who can switch to their own', async () => {
    const api = fakeApi({
      account: { me: () => admin },
      feedback: { inbox: () => ({ items: [] }), indicators: () => refuse({ code: 'INTERNAL', message: '系统繁忙' }) },
    });
    render(<ComplaintsPage />);
    expect(await screen.findByText('没有待处理的反馈')).toBeTruthy();
    expect(api.callsTo('feedback', 'inbox')[0]!.input).toEqual({ scope: 'station', state: 'open' });
    fireEvent.click(screen.getByRole('radio', { name: '指派给我' }));
    await waitFor(() =>
      expect(api.callsTo('feedback', 'inbox').at(-1)!.input).toEqual({ scope: 'mine', state: 'open' }),
    );
  });

  describe('the overdue alert the 站长 may subscribe to', () => {
    const requestSubscribeMessage = jest.fn((_options: { tmplIds: string[] }) =>
      Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }),
    );
    const saved = { ...process.env };
    beforeEach(() => {
      requestSubscribeMessage.mockClear();
      // The Taro double has no subscription API; the code under test reads it from the same object.
      Object.assign(TaroDouble, { requestSubscribeMessage });
      Object.assign(process.env, { TARO_ENV: 'weapp', TARO_APP_TEMPLATE_COMPLAINT_OVERDUE: ' tmpl-overdue ' });
    });
    afterEach(() => {
      process.env = { ...saved };
    });
    const inboxAs = (me: typeof admin) =>
      fakeApi({
        account: { me: () => me },
        feedback: { inbox: () => ({ items: [] }), indicators: () => refuse({ code: 'INTERNAL', message: '系统繁忙' }) },
      });

    it('is asked for inside the 站长’s tap on WeChat', async () => {
      inboxAs(admin);
      render(<ComplaintsPage />);
      fireEvent.click(await screen.findByText('接收超时提醒'));
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-overdue'] });
    });

    it('is not offered to a social worker, on H5, or without a template', async () => {
      inboxAs(socialWorker);
      const social = render(<ComplaintsPage />);
      expect(await screen.findByText('没有待处理的反馈')).toBeTruthy();
      expect(screen.queryByText('接收超时提醒')).toBeNull();
      social.unmount();

      for (const env of [{ TARO_ENV: 'h5' }, { TARO_APP_TEMPLATE_COMPLAINT_OVERDUE: '' }]) {
        sessionStore.reset();
        Object.assign(process.env, { TARO_ENV: 'weapp', TARO_APP_TEMPLATE_COMPLAINT_OVERDUE: 'tmpl-overdue' }, env);
        inboxAs(admin);
        const page = render(<ComplaintsPage />);
        expect(await screen.findByText('没有待处理的反馈')).toBeTruthy();
        // The 站长's page indeed (the scope choice is theirs alone), without the offer.
        expect(screen.getByRole('radio', { name: '全站' })).toBeTruthy();
        expect(screen.queryByText('接收超时提醒')).toBeNull();
        page.unmount();
      }
      expect(requestSubscribeMessage).not.toHaveBeenCalled();
    });
  });

  it('counts what is owed and what is overdue', () => {
    expect(inboxCounts([row({ urgency: 'overdue' }), row({ urgency: 'waiting' }), row({ urgency: 'replied' })])).toBe(
      '2 条待答复 · 1 条已超时',
    );
    expect(inboxCounts([row({ urgency: 'replied' })])).toBe('0 条待答复');
  });
});

describe('反馈处理 (staff detail)', () => {
  it('shows the sender to the handler and sends the reply', async () => {
    openWithParams({ id: 'fbAbcdef1234' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      feedback: {
        get: () => view({ can: { reply: true, close: false, reopen: false, reassign: false } }),
        reply: ({ reply }) =>
          view({
            status: 'replied',
            urgency: 'replied',
            reply,
            repliedAt: '2026-11-21T10:00:00+08:00',
            can: { reply: false, close: true, reopen: false, reassign: false },
          }),
      },
    });
    render(<ComplaintPage />);
    expect((await screen.findByTestId('complaint-sender')).textContent).toBe('提交人：王秀英 · 13800000000');
    fireEvent.click(screen.getByText('提交答复'));
    expect(await screen.findByText('请填写答复内容')).toBeTruthy();
    typeText('处理结果和说明', '已请物业把空调调到26度');
    fireEvent.click(screen.getByText('提交答复'));
    expect((await screen.findByTestId('complaint-reply')).textContent).toContain('已请物业把空调调到26度');
    expect(api.callsTo('feedback', 'reply')[0]!.input).toEqual({
      complaintId: 'fbAbcdef1234',
      reply: '已请物业把空调调到26度',
    });
    expect(screen.getByText('结束（已处理完毕）')).toBeTruthy();
  });

  it('shows the 站长 an anonymous sender as withheld, who read it, and lets them reassign', async () => {
    openWithParams({ id: 'fbAbcdef1234' });
    const api = fakeApi({
      account: { me: () => admin },
      feedback: {
        get: () =>
          view({
            anonymous: true,
            sender: null,
            urgency: 'overdue',
            can: { reply: true, close: false, reopen: false, reassign: true },
            reads: [{ by: '李社工', at: '2026-11-21T09:00:00+08:00' }],
          }),
        options: () => options,
        reassign: ({ handlerId }) => view({ handlerName: handlerId === 'o_chen' ? '陈站长' : '?', handlerId }),
      },
    });
    render(<ComplaintPage />);
    expect((await screen.findByTestId('complaint-sender')).textContent).toBe('提交人：匿名（仅处理人可见）');
    expect(screen.getByText('应于 11月22日 周日 15:00 前答复，已超时')).toBeTruthy();
    expect(screen.getByTestId('complaint-reads').textContent).toContain('11月21日 周六 09:00 · 李社工');
    // The current handler is not offered: 陈站长 is the only other one.
    await waitFor(() => expect(api.callsTo('feedback', 'options')).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('改派给'), { target: { value: '0' } });
    fireEvent.click(await screen.findByText('改派给陈站长'));
    await waitFor(() => expect(api.callsTo('feedback', 'reassign')).toHaveLength(1));
    expect(api.callsTo('feedback', 'reassign')[0]!.input).toEqual({ complaintId: 'fbAbcdef1234', handlerId: 'o_chen' });
  });
});

describe('the workbench tile', () => {
  it('flags the station’s overdue complaints to the 站长', async () => {
    fakeApi({
      account: { me: () => admin },
      feedback: { summary: () => ({ awaiting: 0, dueSoon: 0, overdue: 0, stationOverdue: 2 }) },
    });
    render(<WorkbenchPage />);
    expect(await screen.findByText('全站 2 条已超时')).toBeTruthy();
    fireEvent.click(screen.getByText('意见反馈'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/complaints/index' });
  });

  it('shows a social worker what is theirs, the most pressing first', () => {
    expect(complaintsBadge({ awaiting: 3, dueSoon: 1, overdue: 1, stationOverdue: null })).toEqual({
      text: '1 条已超时',
      tone: 'danger',
    });
    expect(complaintsBadge({ awaiting: 3, dueSoon: 1, overdue: 0, stationOverdue: null })).toEqual({
      text: '1 条即将到期',
      tone: 'warning',
    });
    expect(complaintsBadge({ awaiting: 3, dueSoon: 0, overdue: 0, stationOverdue: 0 })).toEqual({
      text: '3 条待答复',
      tone: 'primary',
    });
    expect(complaintsBadge({ awaiting: 0, dueSoon: 0, overdue: 0, stationOverdue: null })).toBeUndefined();
  });
});
