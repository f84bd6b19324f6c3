import { act, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Station } from '@linli/types/entities/station';
import InvitePage from '@/pages/invite/index';
import LoginPage from '@/pages/login/index';
import PrivacyPage from '@/pages/privacy/index';
import ProfilePage from '@/pages/profile/index';
import { elderMode } from '@/services/elder-mode';
import InvitationsPage from '@/subpackages/staff/pages/invitations/index';
import MembersPage from '@/subpackages/staff/pages/members/index';
import StationPage from '@/subpackages/staff/pages/station/index';
import WorkbenchPage from '@/subpackages/staff/pages/workbench/index';
import { fakeApi } from './support/fake-api';
import { admin, resident, station } from './support/fixtures';
import { taro } from './support/taro';

/**
 * 长辈模式 on the pages that came before it (profile, invite, privacy, login and the station's
 * admin pages): each renders inside PageShell, so the setting enlarges it like the activity pages.
 */
const fullStation: Station = { ...station, operator: '东湖社工服务中心', demo: true };

function backEnd() {
  fakeApi({
    account: { me: () => admin, listStations: () => ({ items: [station] }) },
    station: {
      get: () => fullStation,
      listInvitations: () => ({ items: [] }),
      listMembers: () => ({ items: [{ openid: 'o_li', name: '李社工', roles: ['social_worker'], communityId: null }] }),
    },
  });
  taro.onRequest(() => ({ statusCode: 200, data: { items: [] } })); // the login page's persona list
}

/** Each page, and what it shows once it has loaded. */
const PAGES: [string, () => ReactElement, () => Promise<unknown>][] = [
  ['完善资料', () => <ProfilePage />, () => screen.findByText('编辑资料')],
  ['兑换邀请码', () => <InvitePage />, () => screen.findByPlaceholderText('请输入邀请码')],
  ['隐私保护指引', () => <PrivacyPage />, () => screen.findByText(/更新日期/)],
  ['选择体验身份', () => <LoginPage />, () => screen.findByText('选择体验身份')],
  ['片区与社区', () => <StationPage />, () => screen.findByText('东片')],
  ['邀请社工', () => <InvitationsPage />, () => screen.findByText('还没有邀请码')],
  ['工作人员', () => <MembersPage />, () => screen.findByText('李社工')],
  ['工作台', () => <WorkbenchPage />, () => screen.findByText('活动管理')],
];

async function pageRoot(page: () => ReactElement, loaded: () => Promise<unknown>): Promise<HTMLElement> {
  const { container } = render(page());
  await loaded();
  return container.querySelector('.ll-page-shell') as HTMLElement;
}

afterEach(() => elderMode.forget()); // storage is cleared after each test; the setting's cache must follow

describe('长辈模式 on the older pages', () => {
  it.each(PAGES)('%s follows the setting', async (_title, page, loaded) => {
    backEnd();
    elderMode.set(true);
    const root = await pageRoot(page, loaded);
    expect(root).not.toBeNull();
    expect(root.className).toContain('ll-elder');
  });

  it.each(PAGES)('%s stays at normal size when it is off', async (_title, page, loaded) => {
    backEnd();
    const root = await pageRoot(page, loaded);
    expect(root.className).not.toContain('ll-elder');
  });

  it('enlarges a page that is already open when switched on', async () => {
    fakeApi({ account: { me: () => resident, listStations: () => ({ items: [station] }) } });
    const { container } = render(<ProfilePage />);
    await screen.findByText('编辑资料');
    const root = container.querySelector('.ll-page-shell') as HTMLElement;
    expect(root.className).not.toContain('ll-elder');
    act(() => elderMode.set(true));
    expect((await screen.findByText('编辑资料')).closest('.ll-page-shell')!.className).toContain('ll-elder');
  });
});
