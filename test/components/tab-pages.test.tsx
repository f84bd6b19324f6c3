import { fireEvent, render, screen } from '@testing-library/react';
import HomePage from '@/pages/index/index';
import MinePage from '@/pages/mine/index';
import { fakeApi } from './support/fake-api';
import { admin, newUser, resident } from './support/fixtures';
import { navigateTo, switchTab } from './support/taro';

describe('首页', () => {
  it('asks a new user to complete their profile, and the notice leads to the form', async () => {
    fakeApi({ account: { me: () => newUser } });
    render(<HomePage />);

    expect(await screen.findByText('您还没有完善资料')).toBeTruthy();
    fireEvent.click(screen.getByText('完善资料'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
    expect(screen.queryByText('工作台')).toBeNull();
  });

  it('greets a resident by name with station and community, without the notice', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<HomePage />);

    expect(await screen.findByText('王秀英，您好')).toBeTruthy();
    expect(screen.getByText('东湖街道社工站 · 湖滨社区')).toBeTruthy();
    expect(screen.queryByText('您还没有完善资料')).toBeNull();
    expect(screen.queryByText('工作台')).toBeNull();
    fireEvent.click(screen.getByText('活动'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/activities/index' });
  });

  it('asks staff who moved station to pick their community', async () => {
    fakeApi({ account: { me: () => ({ ...admin, profile: { ...admin.profile!, communityId: null } }) } });
    render(<HomePage />);

    expect(await screen.findByText('请选择您所在的社区')).toBeTruthy();
    expect(screen.getByText('东湖街道社工站')).toBeTruthy();
    fireEvent.click(screen.getByText('选择社区'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });

  it('offers staff the workbench', async () => {
    fakeApi({ account: { me: () => admin } });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('工作台'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/workbench/index' });
  });

  it('shows the error and retries on demand', async () => {
    let attempts = 0;
    fakeApi({
      account: {
        me: () => {
          attempts += 1;
          if (attempts === 1) throw new Error('offline');
          return resident;
        },
      },
    });
    render(<HomePage />);

    expect(await screen.findByText('网络不稳定，请稍后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('王秀英，您好')).toBeTruthy();
  });
});

describe('我的', () => {
  it('shows the profile card with roles and the masked phone', async () => {
    fakeApi({ account: { me: () => admin } });
    render(<MinePage />);

    expect(await screen.findByText('陈站长')).toBeTruthy();
    expect(screen.getByText('站长')).toBeTruthy();
    expect(screen.getByText('社工')).toBeTruthy();
    expect(screen.getByText('138****0000')).toBeTruthy();
    expect(screen.getByText('东湖街道社工站 · 湖滨社区')).toBeTruthy();
    expect(screen.getByText('编辑资料')).toBeTruthy();
    expect(screen.getByText('工作台')).toBeTruthy();
  });

  it('asks a new user to complete their profile and hides the workbench', async () => {
    fakeApi({ account: { me: () => newUser } });
    render(<MinePage />);

    expect(await screen.findByText('您还没有完善资料')).toBeTruthy();
    expect(screen.queryByText('编辑资料')).toBeNull();
    expect(screen.queryByText('工作台')).toBeNull();
    expect(screen.getByText('兑换邀请码')).toBeTruthy();
    expect(screen.getByText('隐私保护指引')).toBeTruthy();
  });

  it('offers 切换身份 and 退出 only on H5', async () => {
    fakeApi({ account: { me: () => resident } });
    const { unmount } = render(<MinePage />);
    expect(await screen.findByText('切换身份')).toBeTruthy();
    expect(screen.getByText('退出')).toBeTruthy();
    unmount();

    process.env.TARO_ENV = 'weapp';
    render(<MinePage />);
    expect(await screen.findByText('隐私保护指引')).toBeTruthy();
    expect(screen.queryByText('切换身份')).toBeNull();
    expect(screen.queryByText('退出')).toBeNull();
  });
});
