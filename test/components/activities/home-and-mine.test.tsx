import { fireEvent, render, screen } from '@testing-library/react';
import CheckinPage from '@/pages/checkin/index';
import HomePage from '@/pages/index/index';
import MinePage from '@/pages/mine/index';
import { elderMode } from '@/services/elder-mode';
import WorkbenchPage from '@/subpackages/staff/pages/workbench/index';
import { fakeApi, refuse } from '../support/fake-api';
import { resident, socialWorker } from '../support/fixtures';
import * as taroModule from '../support/taro';
import { navigateTo, reLaunch, redirectTo, taro } from '../support/taro';
import { activity, freezeDateAtNow, openWithParams, signInResult } from './fixtures';

const cards = () => screen.getAllByTestId('activity-card');

beforeEach(() => freezeDateAtNow());
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  elderMode.forget(); // storage is cleared after each test; the setting's cache must follow
});

describe('长辈模式', () => {
  it('is switched in 我的, enlarges the page at once, and is remembered on this phone', async () => {
    fakeApi({ account: { me: () => resident } });
    const { container } = render(<MinePage />);
    const root = () => container.querySelector('.ll-page-shell') as HTMLElement;
    const toggle = await screen.findByRole('switch', { name: '长辈模式' });

    expect(root().className).not.toContain('ll-elder');
    fireEvent.click(toggle);
    expect(root().className).toContain('ll-elder');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(taro.storage.get('linli.elderMode')).toBe(true);

    elderMode.forget(); // a new app run reads it from storage
    const { container: again } = render(<HomePage />);
    await screen.findByText('王秀英，您好');
    expect((again.querySelector('.ll-page-shell') as HTMLElement).className).toContain('ll-elder');
  });

  it('offers 我的活动 and 我的签到码 in 我的', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<MinePage />);
    fireEvent.click(await screen.findByText('我的签到码'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/my-code/index' });
    fireEvent.click(screen.getByText('我的活动'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/my-activities/index' });
  });
});

describe('首页', () => {
  it('previews the next three activities', async () => {
    const api = fakeApi({
      account: { me: () => resident },
      activity: { list: () => ({ items: [activity(), activity({ id: 'Act0000002', title: '亲子手工坊' })] }) },
    });
    render(<HomePage />);

    expect(await screen.findByText('即将开始的活动')).toBeTruthy();
    expect(cards()).toHaveLength(2);
    expect(api.callsTo('activity', 'list')[0]!.input).toEqual({ limit: 3 });
    fireEvent.click(screen.getByText('全部 ›'));
    expect(taroModule.switchTab).toHaveBeenCalledWith({ url: '/pages/activities/index' });
  });

  it('leads staff to 活动管理', async () => {
    fakeApi({ account: { me: () => socialWorker }, activity: { list: () => ({ items: [] }) } });
    render(<HomePage />);
    fireEvent.click(await screen.findByText('活动管理'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/activities/index' });
  });
});

describe('工作台', () => {
  it('is a tile on the workbench', async () => {
    fakeApi({ account: { me: () => socialWorker } });
    render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('活动管理'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/activities/index' });
  });
});

describe('扫码后登录 (H5)', () => {
  const openWithScene = (scene: string) => openWithParams({ scene });

  it('on H5, keeps the code across the login and signs in when 首页 opens after it', async () => {
    openWithScene('iAct0000001ufd2kXy3_-Zq8Lw0a');
    fakeApi({ checkin: { scan: () => refuse({ code: 'UNAUTHENTICATED', message: '请先登录' }) } });
    const { unmount } = render(<CheckinPage />);
    expect(await screen.findByText('请先登录')).toBeTruthy();
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    unmount();

    // logged in: the login page restarts the app at 首页
    fakeApi({ account: { me: () => resident }, activity: { list: () => ({ items: [] }) } });
    render(<HomePage />);
    expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/checkin/index?scene=iAct0000001ufd2kXy3_-Zq8Lw0a' });
    expect(navigateTo).not.toHaveBeenCalled();
    expect(await screen.findByText('近期还没有活动')).toBeTruthy();
  });

  it('forgets the code once the scan was answered', async () => {
    openWithScene('iAct0000001ufd2kXy3_-Zq8Lw0a');
    fakeApi({ checkin: { scan: () => signInResult() } });
    const { unmount } = render(<CheckinPage />);
    expect(await screen.findByText('签到成功 14:02')).toBeTruthy();
    unmount();

    fakeApi({ account: { me: () => resident }, activity: { list: () => ({ items: [] }) } });
    render(<HomePage />);
    expect(await screen.findByText('近期还没有活动')).toBeTruthy();
    expect(redirectTo).not.toHaveBeenCalled();
  });
});
