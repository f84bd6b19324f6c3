import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import ShiftsPage from '@/subpackages/volunteer/pages/shifts/index';
import { fakeApi, refuse } from '../support/fake-api';
import { showModal } from '../support/taro';
import { shift } from './fixtures';

const roleRow = (role: string) =>
  screen.getAllByTestId('shift-role').find((row) => row.textContent?.includes(role)) as HTMLElement;

describe('服务岗位', () => {
  it('lists each activity with its roles, 已报 and 需要, and a full role as 已满', async () => {
    fakeApi({ volunteer: { shifts: () => ({ items: [shift()] }) } });
    render(<ShiftsPage />);

    expect(await screen.findByText('重阳敬老文艺汇演')).toBeTruthy();
    expect(screen.getByText('华林社区文化广场')).toBeTruthy();
    expect(roleRow('秩序维护').textContent).toContain('已报 1 / 需要 4');
    expect(within(roleRow('秩序维护')).getByText('报名')).toBeTruthy();
    expect(roleRow('长者陪护').textContent).toContain('已报 6 / 需要 6');
    expect(within(roleRow('长者陪护')).getByText('已满')).toBeTruthy();
    expect(within(roleRow('长者陪护')).queryByText('报名')).toBeNull();
  });

  it('signs up for a role with a requestId and shows the answer', async () => {
    const api = fakeApi({
      volunteer: {
        shifts: () => ({ items: [shift()] }),
        signUp: ({ role }) =>
          shift({
            myRole: role,
            roles: [
              { role: '秩序维护', count: 4, taken: 2 },
              { role: '长者陪护', count: 6, taken: 6 },
            ],
          }),
      },
    });
    render(<ShiftsPage />);
    fireEvent.click(within(await waitFor(() => roleRow('秩序维护'))).getByText('报名'));

    expect(await screen.findByText('已报名：秩序维护')).toBeTruthy();
    expect(roleRow('秩序维护').textContent).toContain('已报 2 / 需要 4');
    expect(within(roleRow('秩序维护')).getByText('取消报名')).toBeTruthy();
    // One role per activity: no other role offers 报名 now.
    expect(screen.queryByText('报名')).toBeNull();
    const calls = api.callsTo('volunteer', 'signUp');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.input).toEqual({ activityId: 'Act0000005', role: '秩序维护' });
    expect(calls[0]!.requestId).toMatch(/^r[a-z0-9]+$/);
  });

  it('retries a sign-up whose answer was lost with the same requestId', async () => {
    let attempts = 0;
    const api = fakeApi({
      volunteer: {
        shifts: () => ({ items: [shift()] }),
        signUp: ({ role }) => {
          attempts += 1;
          if (attempts === 1) refuse({ code: 'INTERNAL', message: '网络不稳定，请稍后重试' });
          return shift({ myRole: role });
        },
      },
    });
    render(<ShiftsPage />);
    fireEvent.click(within(await waitFor(() => roleRow('秩序维护'))).getByText('报名'));
    expect(await screen.findByText('网络不稳定，请稍后重试')).toBeTruthy();
    fireEvent.click(within(roleRow('秩序维护')).getByText('报名'));
    expect(await screen.findByText('已报名：秩序维护')).toBeTruthy();

    const [first, second] = api.callsTo('volunteer', 'signUp');
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('says kindly that a role just filled up, on its card, and reads the places again', async () => {
    let reads = 0;
    const api = fakeApi({
      volunteer: {
        shifts: () => {
          reads += 1;
          return {
            items: [
              reads === 1
                ? shift()
                : shift({
                    roles: [
                      { role: '秩序维护', count: 4, taken: 4 },
                      { role: '长者陪护', count: 6, taken: 6 },
                    ],
                  }),
            ],
          };
        },
        signUp: () => refuse({ code: 'SHIFT_FULL', message: DEFAULT_MESSAGES.SHIFT_FULL }),
      },
    });
    render(<ShiftsPage />);
    fireEvent.click(within(await waitFor(() => roleRow('秩序维护'))).getByText('报名'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('「秩序维护」的名额刚刚报满了，谢谢您的热心！可以看看其他岗位。');
    expect(alert.closest('[data-testid="shift-card"]')?.textContent).toContain('重阳敬老文艺汇演');
    await waitFor(() => expect(within(roleRow('秩序维护')).getByText('已满')).toBeTruthy());
    expect(api.callsTo('volunteer', 'shifts')).toHaveLength(2);
  });

  it('cancels a sign-up after confirming', async () => {
    const api = fakeApi({
      volunteer: {
        shifts: () => ({ items: [shift({ myRole: '秩序维护' })] }),
        cancelSignUp: () => shift(),
      },
    });
    render(<ShiftsPage />);
    fireEvent.click(await screen.findByText('取消报名'));

    await waitFor(() => expect(screen.queryByText('已报名：秩序维护')).toBeNull());
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消报名' }));
    expect(api.callsTo('volunteer', 'cancelSignUp')[0]!.input).toEqual({ activityId: 'Act0000005' });
    expect(within(roleRow('秩序维护')).getByText('报名')).toBeTruthy();
  });

  it('shows the refusal of a resident who is not a volunteer yet', async () => {
    fakeApi({
      volunteer: {
        shifts: () => ({ items: [shift()] }),
        signUp: () => refuse({ code: 'NOT_VOLUNTEER', message: DEFAULT_MESSAGES.NOT_VOLUNTEER }),
      },
    });
    render(<ShiftsPage />);
    fireEvent.click(within(await waitFor(() => roleRow('秩序维护'))).getByText('报名'));
    expect((await screen.findByRole('alert')).textContent).toBe(DEFAULT_MESSAGES.NOT_VOLUNTEER);
  });

  it('says when no activity needs volunteers', async () => {
    fakeApi({ volunteer: { shifts: () => ({ items: [] }) } });
    render(<ShiftsPage />);
    expect(await screen.findByText('暂时没有需要志愿者的活动')).toBeTruthy();
  });
});
