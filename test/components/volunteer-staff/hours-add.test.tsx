import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import HoursAddPage, { matchVolunteers } from '@/subpackages/staff/pages/hours-add/index';
import { openWithParams } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { freezeDate, hourEntry, summary } from './fixtures';

jest.mock('@/components/picker-field', () => jest.requireActual('./picker-mock'));

const qian = summary({
  volunteerId: 'o_qian',
  realName: '钱多多',
  communityName: '公园社区',
  phoneMasked: '138****5678',
});
type Hours = NonNullable<Parameters<typeof fakeApi>[0]['hours']>;

function backEnd(hours: Hours = {}) {
  return fakeApi({
    account: { me: () => socialWorker },
    volunteer: { registrations: () => ({ items: [summary(), qian] }) },
    hours: {
      add: (input) =>
        hourEntry({
          volunteerId: input.volunteerId,
          content: input.content,
          startAt: input.span.startAt,
          endAt: input.span.endAt,
          hours: '1.00',
        }),
      ...hours,
    },
  });
}

const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

beforeEach(() => {
  freezeDate();
  openWithParams({});
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('录入时长', () => {
  it('records a home visit for an approved volunteer and explains who must approve it', async () => {
    const api = backEnd();
    render(<HoursAddPage />);

    expect(await screen.findByText(/另一位社工或站长/)).toBeTruthy();
    // The hour before now, on the half hour: the service has surely ended.
    expect(value('服务日期')).toBe('2026-11-20');
    expect(value('开始时间')).toBe('09:00');
    expect(value('结束时间')).toBe('10:00');

    fireEvent.input(screen.getByPlaceholderText('输入姓名或手机尾号筛选'), { target: { value: '5678' } });
    expect(
      screen.getAllByTestId('volunteer-option').map((o) => o.querySelector('.hours-add-page__name')!.textContent),
    ).toEqual(['钱多多']);
    fireEvent.click(screen.getByText('钱多多'));
    expect(within(screen.getByTestId('chosen-volunteer')).getByText('公园社区 · 138****5678')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('开始时间'), { target: { value: '08:30' } });
    fireEvent.click(screen.getByText('入户探访'));
    expect((screen.getByPlaceholderText('例如：入户探访') as HTMLInputElement).value).toBe('入户探访');
    fireEvent.input(screen.getByPlaceholderText('服务对象、同行人员等'), { target: { value: '陪同独居长者王伯复诊' } });
    fireEvent.click(screen.getByText('提交录入'));

    expect(await screen.findByText('已为赵志愿录入 1.00 小时，待审核')).toBeTruthy();
    expect(
      screen.getByText(/需由另一位社工或站长在「时长审核」中通过后才计入。您本人不能审核自己录入的时长。/),
    ).toBeTruthy();
    const [call] = api.callsTo('hours', 'add');
    expect(call!.input).toEqual({
      volunteerId: 'o_qian',
      span: { startAt: '2026-11-20T08:30:00+08:00', endAt: '2026-11-20T10:00:00+08:00' },
      content: '入户探访',
      note: '陪同独居长者王伯复诊',
    });
    expect(call!.requestId).toMatch(/^r[a-z0-9]+$/);
    expect(JSON.stringify(call!.input)).not.toMatch(/minutes|hours/); // the function computes them

    fireEvent.click(screen.getByText('去时长审核'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/hours-inbox/index' });
    fireEvent.click(screen.getByText('再录一条'));
    expect((screen.getByPlaceholderText('例如：入户探访') as HTMLInputElement).value).toBe('');
  });

  it('checks the form before sending', async () => {
    const api = backEnd();
    render(<HoursAddPage />);
    await screen.findByText('赵志愿');

    fireEvent.click(screen.getByText('提交录入'));
    expect(screen.getByText('请选择志愿者')).toBeTruthy();
    expect(screen.getByText('请填写服务内容')).toBeTruthy();

    fireEvent.click(screen.getByText('赵志愿'));
    fireEvent.input(screen.getByPlaceholderText('例如：入户探访'), { target: { value: '电话探访' } });
    fireEvent.change(screen.getByLabelText('结束时间'), { target: { value: '08:00' } });
    fireEvent.click(screen.getByText('提交录入'));
    expect(screen.getByText('结束时间须晚于开始时间')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('开始时间'), { target: { value: '10:00' } });
    fireEvent.change(screen.getByLabelText('结束时间'), { target: { value: '11:00' } });
    fireEvent.click(screen.getByText('提交录入'));
    expect(screen.getByText('结束时间不能晚于现在：服务结束后再录入')).toBeTruthy();
    expect(api.callsTo('hours', 'add')).toHaveLength(0);
  });

  it('starts with the volunteer it was opened for, and retries a lost answer as the same entry', async () => {
    openWithParams({ volunteerId: 'o_zhao' });
    let attempts = 0;
    const api = backEnd({
      add: (input) => {
        attempts += 1;
        if (attempts === 1) refuse({ code: 'INTERNAL', message: '网络不稳定，请稍后重试' });
        return hourEntry({ content: input.content });
      },
    });
    render(<HoursAddPage />);

    expect(await screen.findByTestId('chosen-volunteer')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('例如：入户探访'), { target: { value: '电话探访' } });
    fireEvent.click(screen.getByText('提交录入'));
    expect((await screen.findByRole('alert')).textContent).toBe('网络不稳定，请稍后重试');
    fireEvent.click(screen.getByText('提交录入'));
    expect(await screen.findByText('已为赵志愿录入 1.50 小时，待审核')).toBeTruthy();
    const calls = api.callsTo('hours', 'add');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.requestId).toBe(calls[0]!.requestId);
  });

  it('shows the function’s field errors next to the fields', async () => {
    backEnd({
      add: () =>
        refuse({
          code: 'INVALID_INPUT',
          message: '填写的内容有误',
          fields: [{ path: 'span.endAt', message: '一条记录不超过24小时' }],
        }),
    });
    render(<HoursAddPage />);
    fireEvent.click(await screen.findByText('赵志愿'));
    fireEvent.input(screen.getByPlaceholderText('例如：入户探访'), { target: { value: '入户探访' } });
    fireEvent.click(screen.getByText('提交录入'));
    expect(await screen.findByText('一条记录不超过24小时')).toBeTruthy();
  });

  it('says so when the station has no approved volunteer', async () => {
    fakeApi({ account: { me: () => socialWorker }, volunteer: { registrations: () => ({ items: [] }) } });
    render(<HoursAddPage />);
    expect(await screen.findByText('本站还没有审核通过的志愿者')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('volunteer-option')).toBeNull());
  });

  it('matches volunteers by name, community or phone tail', () => {
    const items = [summary(), qian];
    expect(matchVolunteers(items, '').map((v) => v.realName)).toEqual(['赵志愿', '钱多多']);
    expect(matchVolunteers(items, '赵').map((v) => v.realName)).toEqual(['赵志愿']);
    expect(matchVolunteers(items, '公园').map((v) => v.realName)).toEqual(['钱多多']);
    expect(matchVolunteers(items, '0021').map((v) => v.realName)).toEqual(['赵志愿']);
    expect(matchVolunteers(items, '****')).toEqual([]);
  });
});
