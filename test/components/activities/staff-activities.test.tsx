import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ManageActivitiesPage from '@/subpackages/staff/pages/activities/index';
import { fakeApi } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { activity, freezeDateAtNow } from './fixtures';

const cards = () => screen.getAllByTestId('activity-card');

beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('活动管理 (staff)', () => {
  it('lists every activity with its phase and the ways into sign-in, roster and editing', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: {
        manage: () => ({
          items: [
            activity({ seatsLeft: 12, waitlisted: 0 }),
            activity({ id: 'Act0000002', title: '亲子手工坊', status: 'cancelled', cancelReason: '场地维修' }),
          ],
        }),
      },
    });
    render(<ManageActivitiesPage />);

    await waitFor(() => expect(cards()).toHaveLength(2));
    const [upcoming, cancelled] = cards();
    expect(within(upcoming!).getByText('已报名 18/30 人')).toBeTruthy();
    expect(within(cancelled!).getAllByText('已取消').length).toBeGreaterThan(0);
    expect(within(cancelled!).queryByText('签到')).toBeNull();
    expect(within(cancelled!).queryByText('编辑')).toBeNull();

    fireEvent.click(within(upcoming!).getByText('签到'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/signin/index?id=Act0000001' });
    fireEvent.click(within(upcoming!).getByText('名单'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/roster/index?id=Act0000001' });
    fireEvent.click(screen.getByText('发布活动'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/activity-edit/index' });
    expect(api.callsTo('activity', 'manage')[0]!.input).toEqual({ limit: 20 });
  });
});
