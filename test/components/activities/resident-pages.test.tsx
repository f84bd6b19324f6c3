import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ActivityPage from '@/pages/activity/index';
import ActivitiesPage from '@/pages/activities/index';
import MyActivitiesPage from '@/pages/my-activities/index';
import { fakeApi } from '../support/fake-api';
import { newUser, resident } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { activity, booking, detail, freezeDateAtNow, openWithParams } from './fixtures';

const cards = () => screen.getAllByTestId('activity-card');

beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('活动 tab', () => {
  it('lists upcoming activities with kind, time, place, seats and my booking', async () => {
    fakeApi({
      account: { me: () => resident },
      activity: {
        list: () => ({
          items: [
            activity(),
            activity({ id: 'Act0000002', title: '亲子手工坊', kind: 'workshop', seatsLeft: 0, communityId: 'c_park' }),
          ],
        }),
        mine: () => ({ upcoming: [detail({ booking: booking() })], past: [] }),
      },
    });
    render(<ActivitiesPage />);

    await waitFor(() => expect(cards()).toHaveLength(2));
    const [first, second] = cards();
    expect(within(first!).getByText('讲座')).toBeTruthy();
    expect(within(first!).getByText('11月23日 周一 14:00–16:00')).toBeTruthy();
    expect(within(first!).getByText('湖滨社区 · 湖滨社区活动室')).toBeTruthy();
    expect(within(first!).getByText('剩余12个名额')).toBeTruthy();
    expect(await within(first!).findByText('已报名')).toBeTruthy();
    expect(within(second!).getByText('已满（可候补）')).toBeTruthy();
    expect(within(second!).queryByText('已报名')).toBeNull();
    expect(screen.getByText('没有更多了')).toBeTruthy();

    fireEvent.click(first!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/activity/index?id=Act0000001' });
  });

  it('reads 20 at a time and loads more with the cursor', async () => {
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        activity({ id: `Act${String(from + i).padStart(7, '0')}`, title: `活动${from + i}` }),
      );
    const api = fakeApi({
      account: { me: () => resident },
      activity: {
        list: ({ cursor }) => (cursor ? { items: page(20, 3) } : { items: page(0, 20), nextCursor: '20' }),
        mine: () => ({ upcoming: [], past: [] }),
      },
    });
    render(<ActivitiesPage />);

    await waitFor(() => expect(cards()).toHaveLength(20));
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(cards()).toHaveLength(23));
    expect(screen.getByText('活动22')).toBeTruthy();
    expect(api.callsTo('activity', 'list').map((c) => c.input)).toEqual([{ limit: 20 }, { cursor: '20', limit: 20 }]);
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('says when there is nothing to book', async () => {
    fakeApi({
      account: { me: () => resident },
      activity: { list: () => ({ items: [] }), mine: () => ({ upcoming: [], past: [] }) },
    });
    render(<ActivitiesPage />);
    expect(await screen.findByText('暂无可预约的活动')).toBeTruthy();
  });

  it('asks a new user to complete their profile first', async () => {
    const api = fakeApi({ account: { me: () => newUser } });
    render(<ActivitiesPage />);
    expect(await screen.findByText('完善资料后就能报名活动')).toBeTruthy();
    expect(api.callsTo('activity', 'list')).toHaveLength(0);
  });
});

describe('活动详情', () => {
  it('shows the facts, my sign-in, and no booking button once I attended', async () => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({
      account: { me: () => resident },
      activity: {
        get: () =>
          detail({
            booking: booking({ partySize: 3, members: [{ name: '李明' }, { name: '李小红' }] }),
            attendance: {
              activityId: 'Act0000001',
              headcount: 3,
              signedInAt: '2026-11-23T13:58:00+08:00',
              method: 'scan',
              annulled: false,
            },
          }),
      },
    });
    render(<ActivityPage />);

    expect(await screen.findByText('长者智能手机课堂')).toBeTruthy();
    expect(screen.getByText('讲座 · 长者')).toBeTruthy();
    expect(screen.getByText('已签到 13:58')).toBeTruthy();
    expect(screen.getByText('共3人 · 扫码')).toBeTruthy();
    expect(screen.getByText('教大家用手机挂号、视频通话。')).toBeTruthy();
    expect(screen.queryByText('取消报名')).toBeNull();
  });
});

describe('我的活动', () => {
  it('lists upcoming and attended activities with my status in each', async () => {
    fakeApi({
      account: { me: () => resident },
      activity: {
        mine: () => ({
          upcoming: [
            detail({ booking: booking({ partySize: 2, members: [{ name: '李明' }] }) }),
            detail({
              activity: activity({ id: 'Act0000002', title: '亲子手工坊' }),
              booking: booking({ activityId: 'Act0000002', status: 'waitlisted', waitlistPosition: 3 }),
            }),
          ],
          past: [
            detail({
              activity: activity({
                id: 'Act0000003',
                title: '重阳节游园会',
                startAt: '2026-10-20T09:00:00+08:00',
                endAt: '2026-10-20T11:00:00+08:00',
              }),
              booking: booking({ activityId: 'Act0000003' }),
              attendance: {
                activityId: 'Act0000003',
                headcount: 1,
                signedInAt: '2026-10-20T08:55:00+08:00',
                signedOutAt: '2026-10-20T11:02:00+08:00',
                method: 'scan',
                annulled: false,
              },
            }),
          ],
        }),
      },
    });
    render(<MyActivitiesPage />);

    expect(await screen.findByText('即将参加')).toBeTruthy();
    expect(
      within(screen.getByText('长者智能手机课堂').closest('[data-testid="activity-card"]') as HTMLElement).getByText(
        '已报名 · 2人',
      ),
    ).toBeTruthy();
    expect(screen.getByText('候补第3位')).toBeTruthy();
    expect(screen.getByText('参加过的')).toBeTruthy();
    expect(screen.getByText('已签退 11:02')).toBeTruthy();
  });
});
