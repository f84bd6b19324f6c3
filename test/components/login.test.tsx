import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Persona } from '@linli/types/dev-auth';
import LoginPage from '@/pages/login/index';
import HomePage from '@/pages/index/index';
import { devToken } from '@/services/transport';
import { fakeApi, refuse } from './support/fake-api';
import { reLaunch, taro, type RequestOptions } from './support/taro';

const personas: Persona[] = [
  {
    openid: 'demo_admin_chen',
    name: '陈站长',
    roles: ['admin', 'social_worker'],
    stationName: '东湖街道社工站',
    communityName: '湖滨社区',
    description: '管理片区、社区和工作人员',
  },
  {
    openid: 'demo_resident_wang',
    name: '王秀英',
    roles: ['resident'],
    stationName: '东湖街道社工站',
    communityName: '公园社区',
    description: '72岁的居民，常来参加活动',
  },
];

/** The local runtime's dev-login endpoints, as the page reaches them through Taro.request. */
function serveDevLogin(): RequestOptions[] {
  const logins: RequestOptions[] = [];
  taro.onRequest((options) => {
    if (options.url === '/api/_dev/personas' && options.method === 'GET')
      return { statusCode: 200, data: { items: personas } };
    if (options.url === '/api/_dev/login' && options.method === 'POST') {
      logins.push(options);
      const openid = (options.data as { openid?: string }).openid ?? 'new_user_1234';
      return { statusCode: 200, data: { token: `token-for-${openid}`, openid } };
    }
    return { statusCode: 404, data: {} };
  });
  return logins;
}

describe('dev login (persona picker)', () => {
  it('lists each persona with name, roles, place and description', async () => {
    serveDevLogin();
    render(<LoginPage />);

    const cards = await screen.findAllByTestId('persona-card');
    expect(cards).toHaveLength(2);
    const chen = within(cards[0]!);
    expect(chen.getByText('陈站长')).toBeTruthy();
    expect(chen.getByText('站长')).toBeTruthy();
    expect(chen.getByText('社工')).toBeTruthy();
    expect(chen.getByText('东湖街道社工站 · 湖滨社区')).toBeTruthy();
    expect(chen.getByText('管理片区、社区和工作人员')).toBeTruthy();
    expect(within(cards[1]!).getByText('居民')).toBeTruthy();
    expect(screen.getByText('以新用户身份体验')).toBeTruthy();
  });

  it('logs in as the picked persona: stores the token and restarts at the home tab', async () => {
    const logins = serveDevLogin();
    render(<LoginPage />);

    fireEvent.click(await screen.findByText('以王秀英的身份进入'));

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(logins).toHaveLength(1);
    expect(logins[0]!.data).toEqual({ openid: 'demo_resident_wang' });
    expect(devToken.get()).toBe('token-for-demo_resident_wang');
  });

  it('starts as a brand-new user with an empty login request', async () => {
    const logins = serveDevLogin();
    render(<LoginPage />);

    fireEvent.click(await screen.findByText('以新用户身份体验'));

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(logins[0]!.data).toEqual({});
    expect(devToken.get()).toBe('token-for-new_user_1234');
  });

  it('says so when login fails, and stays on the page', async () => {
    taro.onRequest((options) =>
      options.method === 'GET' ? { statusCode: 200, data: { items: personas } } : { statusCode: 500, data: {} },
    );
    render(<LoginPage />);

    fireEvent.click(await screen.findByText('以陈站长的身份进入'));

    expect(await screen.findByText('登录失败，请确认本地服务已启动后重试')).toBeTruthy();
    expect(reLaunch).not.toHaveBeenCalled();
    expect(devToken.get()).toBeNull();
  });
});

describe('UNAUTHENTICATED on H5', () => {
  it('sends the person to the dev login', async () => {
    fakeApi({ account: { me: () => refuse({ code: 'UNAUTHENTICATED', message: '请先登录' }) } });
    render(<HomePage />);

    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
  });

  it('is shown as an error on WeChat, where there is no dev login', async () => {
    process.env.TARO_ENV = 'weapp';
    fakeApi({ account: { me: () => refuse({ code: 'UNAUTHENTICATED', message: '请先登录' }) } });
    render(<HomePage />);

    expect(await screen.findByText('请先登录')).toBeTruthy();
    expect(reLaunch).not.toHaveBeenCalled();
  });
});
