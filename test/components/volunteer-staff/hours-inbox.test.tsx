import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionInput } from '@linli/types/api';
import type { HourEntryView } from '@linli/types/entities/hours';
import HoursInboxPage, { approvalSummary, refusalText } from '@/subpackages/staff/pages/hours-inbox/index';
import { detail as activityDetail, openWithParams } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { freezeDate, hourEntry } from './fixtures';

jest.mock('@/components/picker-field', () => jest.requireActual('./picker-mock'));

const SELF_APPROVAL_MESSAGE = '不能审核自己的时长或自己录入的时长，请由另一位社工或站长审核';

const typed = hourEntry();
const flagged = hourEntry({
  id: 'scan_qian',
  rootId: 'scan_qian',
  volunteerId: 'o_qian',
  volunteerName: '钱多多',
  source: 'scan',
  flag: 'MISSING_SIGN_OUT',
  content: '重阳敬老文艺汇演',
  activityId: 'Act0000001',
  servedAt: '2026-11-18T13:40:00+08:00',
  startAt: '2026-11-18T13:40:00+08:00',
  endAt: null,
  minutes: 0,
  hours: '0.00',
  history: [{ action: 'created', version: 1, by: '钱多多', at: '2026-11-18T18:00:00+08:00' }],
});
const scanned = hourEntry({
  id: 'scan_wu',
  rootId: 'scan_wu',
  volunteerId: 'o_wu',
  volunteerName: '吴大伟',
  source: 'scan',
  content: '重阳敬老文艺汇演',
  activityId: 'Act0000001',
  servedAt: '2026-11-18T13:50:00+08:00',
  startAt: '2026-11-18T13:50:00+08:00',
  endAt: '2026-11-18T16:05:00+08:00',
  minutes: 135,
  hours: '2.25',
});
const requested = hourEntry({
  id: 'scan_sun',
  rootId: 'scan_sun',
  volunteerId: 'o_sun',
  volunteerName: '孙悦',
  source: 'scan',
  status: 'approved',
  content: '长者智能手机课堂',
  hours: '1.00',
  minutes: 60,
  startAt: '2026-11-16T14:00:00+08:00',
  endAt: '2026-11-16T15:00:00+08:00',
  servedAt: '2026-11-16T14:00:00+08:00',
  correctionRequest: {
    reason: '我16:00才离开，忘了签退后又补扫',
    requestedAt: '2026-11-17T09:30:00+08:00',
    answer: 'open',
    answerNote: null,
  },
});

type Hours = NonNullable<Parameters<typeof fakeApi>[0]['hours']>;

function backEnd(items: HourEntryView[], hours: Hours = {}) {
  let current = items;
  const api = fakeApi({
    account: { me: () => socialWorker },
    activity: { get: () => activityDetail() },
    hours: { pending: () => ({ items: current }), ...hours },
  });
  return { api, set: (next: HourEntryView[]) => (current = next) };
}

const cardOf = (name: string) => screen.getByText(name).closest('[data-testid="hour-entry"]') as HTMLElement;
const names = () =>
  screen.getAllByTestId('hour-entry').map((card) => card.querySelector('.ll-hour-entry__name')!.textContent);

beforeEach(() => {
  freezeDate();
  openWithParams({});
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('时长审核: what waits for review', () => {
  it('lists the flagged first (as the function orders them) with the flag explained, and the correction requests', async () => {
    backEnd([flagged, requested, typed, scanned]);
    render(<HoursInboxPage />);

    await screen.findByText('钱多多');
    expect(names()).toEqual(['钱多多', '孙悦', '赵志愿', '吴大伟']);
    expect(screen.getByText('共 4 条 · 1 条需核实 · 1 条更正申请')).toBeTruthy();

    const qian = cardOf('钱多多');
    expect(within(qian).getByText('需核实：缺少签退')).toBeTruthy();
    expect(within(qian).getByText(/志愿者签到后没有签退，系统不估算时长/)).toBeTruthy();
    expect(within(qian).getByText('11月18日 周三 13:40 签到，未签退')).toBeTruthy();
    expect(within(qian).getByText('时长待核实')).toBeTruthy();
    expect(within(qian).queryByRole('checkbox')).toBeNull(); // needs a correction before anyone can approve it

    const sun = cardOf('孙悦');
    expect(within(sun).getByText('志愿者申请更正（11月17日 周二 09:30）')).toBeTruthy();
    expect(within(sun).getByText('我16:00才离开，忘了签退后又补扫')).toBeTruthy();
    expect(within(sun).getByText('不同意更正')).toBeTruthy();
    expect(within(sun).queryByRole('checkbox')).toBeNull(); // already approved: only the request is open

    const zhao = cardOf('赵志愿');
    expect(within(zhao).getByText('入户探访 · 社工录入')).toBeTruthy();
    expect(within(zhao).getByText('11月19日 周四 09:00–10:30')).toBeTruthy();
    expect(within(zhao).getByText('1.50 小时')).toBeTruthy();
    expect(within(zhao).getByRole('checkbox')).toBeTruthy();
  });

  it('says so when nothing waits', async () => {
    backEnd([]);
    render(<HoursInboxPage />);
    expect(await screen.findByText('没有待审核的时长')).toBeTruthy();
    expect(screen.queryByText('批量通过')).toBeNull();
  });

  it('shows one activity’s hours when opened for it, and all again on 查看全部', async () => {
    openWithParams({ activityId: 'Act0000001' });
    const { api } = backEnd([scanned]);
    render(<HoursInboxPage />);

    expect(await screen.findByText('只看：长者智能手机课堂')).toBeTruthy();
    expect(api.callsTo('hours', 'pending')[0]!.input).toEqual({ activityId: 'Act0000001' });
    fireEvent.click(screen.getByText('查看全部'));
    await waitFor(() => expect(api.callsTo('hours', 'pending')).toHaveLength(2));
    expect(api.callsTo('hours', 'pending')[1]!.input).toEqual({});
    expect(screen.queryByText(/^只看/)).toBeNull();
  });
});

describe('批量通过', () => {
  it('approves the selected entries and shows the refused ones with their reason', async () => {
    const { api, set } = backEnd([flagged, typed, scanned], {
      approve: ({ entryIds }) => {
        set([flagged, typed]);
        return {
          results: entryIds.map((entryId) =>
            entryId === typed.id
              ? { entryId, outcome: 'refused' as const, code: 'SELF_APPROVAL', message: SELF_APPROVAL_MESSAGE }
              : { entryId, outcome: 'approved' as const },
          ),
        };
      },
    });
    render(<HoursInboxPage />);
    await screen.findByText('吴大伟');
    expect(screen.getByText('已选 0 条')).toBeTruthy();

    fireEvent.click(within(cardOf('赵志愿')).getByRole('checkbox'));
    fireEvent.click(within(cardOf('吴大伟')).getByRole('checkbox'));
    expect(screen.getByText('已选 2 条')).toBeTruthy();
    fireEvent.click(screen.getByText('批量通过'));

    const outcome = await screen.findByText('已通过 1 条，1 条未能通过（原因见该条记录）');
    expect(outcome.className).toContain('hours-inbox-page__outcome--warning');
    await waitFor(() => expect(screen.queryByText('吴大伟')).toBeNull());
    expect(within(cardOf('赵志愿')).getByRole('alert').textContent).toBe(`未能通过：${SELF_APPROVAL_MESSAGE}`);
    const [call] = api.callsTo('hours', 'approve');
    expect((call!.input as ActionInput<'hours', 'approve'>).entryIds.sort()).toEqual([scanned.id, typed.id].sort());
    expect(call!.requestId).toMatch(/^r[a-z0-9]+$/);
    expect(screen.getByText('已选 0 条')).toBeTruthy();
  });

  it('全选 picks every entry that can be approved, and nothing is sent without a choice', async () => {
    const { api } = backEnd([flagged, typed, scanned], {
      approve: ({ entryIds }) => ({ results: entryIds.map((entryId) => ({ entryId, outcome: 'approved' as const })) }),
    });
    render(<HoursInboxPage />);
    await screen.findByText('吴大伟');

    fireEvent.click(screen.getByText('批量通过'));
    expect(screen.getByRole('status').textContent).toBe('请先勾选要通过的时长');
    expect(api.callsTo('hours', 'approve')).toHaveLength(0);
    fireEvent.click(screen.getByRole('checkbox', { name: '全选' }));
    expect(screen.getByText('已选 2 条')).toBeTruthy();
    fireEvent.click(screen.getByText('批量通过'));
    expect(await screen.findByText('已通过 2 条')).toBeTruthy();
    expect((api.callsTo('hours', 'approve')[0]!.input as { entryIds: string[] }).entryIds).toEqual([
      typed.id,
      scanned.id,
    ]);
  });

  it('words the answers', () => {
    expect(approvalSummary([{ entryId: 'a', outcome: 'already_approved' }])).toBe('已通过 1 条');
    expect(approvalSummary([{ entryId: 'a', outcome: 'refused', code: 'ENTRY_FLAGGED' }])).toBe(
      '1 条未能通过（原因见该条记录）',
    );
    expect(refusalText({ entryId: 'a', outcome: 'refused', code: 'SELF_APPROVAL' })).toBe(SELF_APPROVAL_MESSAGE);
    expect(refusalText({ entryId: 'a', outcome: 'refused', code: 'WHATEVER' })).toBe('未能通过，请刷新后再试');
  });
});

describe('不通过, 更正, 不同意更正, 记录', () => {
  it('不通过 needs a reason the volunteer will read', async () => {
    const { api, set } = backEnd([typed, scanned], {
      reject: ({ entryId, reason }) => {
        set([typed]);
        return {
          ...scanned,
          id: entryId,
          status: 'rejected' as const,
          history: [
            ...scanned.history,
            { action: 'rejected' as const, version: 1, by: '李社工', at: '2026-11-20T10:05:00+08:00', reason },
          ],
        };
      },
    });
    render(<HoursInboxPage />);
    await screen.findByText('吴大伟');

    fireEvent.click(within(cardOf('吴大伟')).getByText('不通过'));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('不通过吴大伟的时长')).toBeTruthy();
    fireEvent.click(within(dialog).getByText('确定不通过'));
    expect(within(dialog).getByRole('alert').textContent).toBe('请填写原因');
    fireEvent.input(within(dialog).getByPlaceholderText('原因，例如：当天未到岗'), {
      target: { value: '当天请假未到岗' },
    });
    fireEvent.click(within(dialog).getByText('确定不通过'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('hours', 'reject')[0]!.input).toEqual({ entryId: scanned.id, reason: '当天请假未到岗' });
    expect(screen.getByText('吴大伟的这条时长未通过，志愿者会看到原因')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('吴大伟')).toBeNull());
  });

  it('更正 sends the actual times and the reason; the function computes the hours', async () => {
    const { api, set } = backEnd([flagged], {
      correct: ({ entryId, span }) => {
        const next = hourEntry({
          ...flagged,
          id: `${entryId}_v2`,
          version: 2,
          flag: null,
          endAt: span.endAt,
          minutes: 140,
          hours: '2.33',
        });
        set([next]);
        return next;
      },
    });
    render(<HoursInboxPage />);
    await screen.findByText('钱多多');

    fireEvent.click(within(cardOf('钱多多')).getByText('更正'));
    const form = screen.getByRole('form', { name: '更正钱多多的时长' });
    expect((within(form).getByLabelText('服务日期') as HTMLInputElement).value).toBe('2026-11-18');
    expect((within(form).getByLabelText('开始时间') as HTMLInputElement).value).toBe('13:40');
    expect((within(form).getByLabelText('结束时间') as HTMLInputElement).value).toBe(''); // no sign-out: nothing invented

    fireEvent.click(within(form).getByText('提交更正'));
    expect(within(form).getByText('请选择结束时间')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('结束时间'), { target: { value: '13:00' } });
    fireEvent.click(within(form).getByText('提交更正'));
    expect(within(form).getByText('结束时间须晚于开始时间')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('结束时间'), { target: { value: '16:00' } });
    expect(within(form).getByText('共 2小时20分钟，时长由系统按开始、结束时间计算')).toBeTruthy();
    fireEvent.click(within(form).getByText('提交更正'));
    expect(within(form).getByText('请填写更正原因')).toBeTruthy();
    expect(api.callsTo('hours', 'correct')).toHaveLength(0);

    fireEvent.input(within(form).getByPlaceholderText('更正原因'), {
      target: { value: '忘记签退，现场社工核实16:00离开' },
    });
    fireEvent.click(within(form).getByText('提交更正'));

    expect(await screen.findByText('已更正钱多多的时长：2.33 小时，需由另一位社工或站长审核')).toBeTruthy();
    const [call] = api.callsTo('hours', 'correct');
    expect(call!.input).toEqual({
      entryId: flagged.id,
      span: { startAt: '2026-11-18T13:40:00+08:00', endAt: '2026-11-18T16:00:00+08:00' },
      reason: '忘记签退，现场社工核实16:00离开',
    });
    expect(call!.requestId).toMatch(/^r[a-z0-9]+$/);
    expect(screen.queryByRole('form')).toBeNull();
    // The list read again: the new version, pending someone else's approval.
    expect(await screen.findByText('2.33 小时')).toBeTruthy();
    expect(within(cardOf('钱多多')).getByText('重阳敬老文艺汇演 · 扫码签到 · 第2版')).toBeTruthy();
  });

  it('shows the function’s refusal of a correction in the form', async () => {
    backEnd([typed], {
      correct: () => refuse({ code: 'NOT_CORRECTABLE', message: '这条记录已被更正过，请更正最新的版本' }),
    });
    render(<HoursInboxPage />);
    await screen.findByText('赵志愿');
    fireEvent.click(within(cardOf('赵志愿')).getByText('更正'));
    const form = screen.getByRole('form');
    fireEvent.input(within(form).getByPlaceholderText('更正原因'), { target: { value: '时间录错了' } });
    fireEvent.click(within(form).getByText('提交更正'));
    expect((await within(form).findByRole('alert')).textContent).toBe('这条记录已被更正过，请更正最新的版本');
  });

  it('不同意更正 answers the volunteer with a reason', async () => {
    const { api } = backEnd([requested], {
      declineCorrection: ({ reason }) => ({
        ...requested,
        correctionRequest: { ...requested.correctionRequest!, answer: 'declined' as const, answerNote: reason },
      }),
    });
    render(<HoursInboxPage />);
    await screen.findByText('孙悦');
    fireEvent.click(within(cardOf('孙悦')).getByText('不同意更正'));
    const dialog = screen.getByRole('dialog');
    fireEvent.input(within(dialog).getByPlaceholderText('原因，例如：已核对签到表，时间无误'), {
      target: { value: '签到表显示15:00离开' },
    });
    fireEvent.click(within(dialog).getByText('确定不同意'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo('hours', 'declineCorrection')[0]!.input).toEqual({
      entryId: requested.id,
      reason: '签到表显示15:00离开',
    });
    expect(screen.getByText('已不同意孙悦的更正申请，志愿者会看到原因')).toBeTruthy();
  });

  it('查看记录 shows every version and who did what, when and why, once each', async () => {
    const created = { action: 'created' as const, version: 1, by: '钱多多', at: '2026-11-18T18:00:00+08:00' };
    const superseded = { action: 'superseded' as const, version: 1, by: '李社工', at: '2026-11-19T09:00:00+08:00' };
    const corrected = {
      action: 'corrected' as const,
      version: 2,
      by: '李社工',
      at: '2026-11-19T09:00:00+08:00',
      reason: '忘记签退',
      fromHours: '0.00',
      toHours: '2.33',
    };
    const approved = { action: 'approved' as const, version: 2, by: '陈站长', at: '2026-11-19T15:00:00+08:00' };
    const { api } = backEnd([flagged], {
      history: () => ({
        versions: [
          hourEntry({
            ...flagged,
            id: 'scan_qian_v2',
            version: 2,
            flag: null,
            status: 'approved',
            endAt: '2026-11-18T16:00:00+08:00',
            hours: '2.33',
            history: [created, corrected, approved],
          }),
          hourEntry({ ...flagged, status: 'superseded', history: [created, superseded] }),
        ],
      }),
    });
    render(<HoursInboxPage />);
    await screen.findByText('钱多多');
    fireEvent.click(within(cardOf('钱多多')).getByText('查看记录'));

    const history = await screen.findByTestId('hour-history');
    expect(Array.from(history.querySelectorAll('.ll-hour-history__version'), (node) => node.textContent)).toEqual([
      '第1版 · 11月18日 周三 13:40 签到，未签退 · 时长待核实 · 已更正',
      '第2版 · 11月18日 周三 13:40–16:00 · 2.33 小时 · 已通过',
    ]);
    expect(Array.from(history.querySelectorAll('.ll-hour-history__what'), (node) => node.textContent)).toEqual([
      '钱多多 扫码签到签退，生成记录',
      '李社工 这一版作废，由更正后的版本代替',
      '李社工 更正（0.00 → 2.33 小时）',
      '陈站长 审核通过',
    ]);
    expect(within(history).getByText('原因：忘记签退')).toBeTruthy();
    expect(api.callsTo('hours', 'history')[0]!.input).toEqual({ entryId: flagged.id });
    fireEvent.click(within(cardOf('钱多多')).getByText('收起记录'));
    expect(screen.queryByTestId('hour-history')).toBeNull();
  });

  it('leads to 录入时长', async () => {
    backEnd([]);
    render(<HoursInboxPage />);
    fireEvent.click(await screen.findByText('录入时长'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/hours-add/index' });
  });
});
