import { act, fireEvent, render, screen } from '@testing-library/react';
import SignInScreenPage, { COUNTS_EVERY_MS } from '@/subpackages/staff/pages/signin/index';
import { fakeApi } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { NOW, detail, openWithParams } from './fixtures';

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('现场签到 screen (staff)', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));

  it('shows the title, the rotating code and live counts read every 5 s', async () => {
    openWithParams({ id: 'Act0000001' });
    let signedIn = 3;
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      checkin: {
        code: () => ({
          token: 't',
          imageBase64: 'PNG',
          link: '',
          expiresAt: '2026-11-23T14:01:00+08:00',
          rotatesInSeconds: 30,
        }),
        roster: () => ({
          activityId: 'Act0000001',
          counts: { booked: 20, waitlisted: 0, signedIn, signedOut: 0, noShow: 20 - signedIn },
          entries: [],
        }),
      },
    });
    render(<SignInScreenPage />);
    await act(async () => undefined);
    await act(async () => undefined);

    expect(screen.getByText('长者智能手机课堂')).toBeTruthy();
    expect(screen.getByLabelText('签到二维码')).toBeTruthy();
    expect(screen.getByTestId('count-signedIn').textContent).toBe('3已签到');

    signedIn = 7;
    await act(async () => jest.advanceTimersByTime(COUNTS_EVERY_MS));
    await act(async () => undefined);
    expect(screen.getByTestId('count-signedIn').textContent).toBe('7已签到');
    expect(api.callsTo('checkin', 'roster')).toHaveLength(2);

    fireEvent.click(screen.getByText('查看名单 · 代签 · 扫居民码'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/roster/index?id=Act0000001' });
  });
});
