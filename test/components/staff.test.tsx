import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Station } from '@linli/types/entities/station';
import type { Invitation } from '@linli/types/entities/user';
import InvitationsPage from '@/subpackages/staff/pages/invitations/index';
import MembersPage from '@/subpackages/staff/pages/members/index';
import StationPage from '@/subpackages/staff/pages/station/index';
import WorkbenchPage from '@/subpackages/staff/pages/workbench/index';
import { fakeApi, refuse } from './support/fake-api';
import { admin, resident, socialWorker, station } from './support/fixtures';
import { navigateTo, setClipboardData } from './support/taro';

const fullStation: Station = { ...station, operator: '东湖社工服务中心', demo: true };

describe('工作台', () => {
  it('is closed to residents', async () => {
    fakeApi({ account: { me: () => resident } });
    render(<WorkbenchPage />);
    expect(await screen.findByText('仅社工站工作人员可用')).toBeTruthy();
    expect(screen.queryByText('工作人员')).toBeNull();
  });

  it('shows a social worker the staff list only', async () => {
    fakeApi({ account: { me: () => socialWorker } });
    render(<WorkbenchPage />);
    expect(await screen.findByText('工作人员')).toBeTruthy();
    expect(screen.queryByText('片区与社区')).toBeNull();
    expect(screen.queryByText('邀请社工')).toBeNull();
  });

  it('shows a director the station admin pages', async () => {
    fakeApi({ account: { me: () => admin } });
    render(<WorkbenchPage />);
    fireEvent.click(await screen.findByText('片区与社区'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/station/index' });
    fireEvent.click(screen.getByText('邀请社工'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/invitations/index' });
  });
});

describe('片区与社区', () => {
  it('lists areas with their communities', async () => {
    fakeApi({ account: { me: () => admin }, station: { get: () => fullStation } });
    render(<StationPage />);

    const east = (await screen.findByText('东片')).closest('.station-page__area') as HTMLElement;
    expect(within(east).getByText('湖滨社区')).toBeTruthy();
    expect(within(east).getByText('公园社区')).toBeTruthy();
    expect(within(east).queryByText('磨坊社区')).toBeNull();
  });

  it('adds an area and shows the station as the server answers it', async () => {
    const api = fakeApi({
      account: { me: () => admin },
      station: {
        get: () => fullStation,
        addArea: ({ name }) => ({ ...fullStation, areas: [...fullStation.areas, { id: 'area_north', name }] }),
      },
    });
    render(<StationPage />);

    const input = await screen.findByPlaceholderText('片区名称，例如：东片');
    fireEvent.input(input, { target: { value: '北片' } });
    fireEvent.click(within(input.closest('.station-page__new-area') as HTMLElement).getByText('添加'));

    await waitFor(() => expect(api.callsTo('station', 'addArea')).toHaveLength(1));
    expect(api.callsTo('station', 'addArea')[0]!.input).toEqual({ name: '北片' });
    expect(await screen.findByText('北片')).toBeTruthy();
  });

  it('renames a community and shows a refusal next to that editor', async () => {
    fakeApi({
      account: { me: () => admin },
      station: {
        get: () => fullStation,
        renameCommunity: () =>
          refuse({ code: 'CONFLICT', message: '已有同名社区', fields: [{ path: 'name', message: '已有同名社区' }] }),
      },
    });
    render(<StationPage />);

    const row = (await screen.findByText('湖滨社区')).closest('.station-page__line') as HTMLElement;
    fireEvent.click(within(row).getByText('改名'));
    const input = screen.getByDisplayValue('湖滨社区');
    fireEvent.input(input, { target: { value: '公园社区' } });
    const editor = input.closest('.ll-name-editor') as HTMLElement;
    fireEvent.click(within(editor).getByText('保存'));

    expect(await within(editor).findByText('已有同名社区')).toBeTruthy();
  });

  it('is closed to social workers who are not directors', async () => {
    fakeApi({ account: { me: () => socialWorker } });
    render(<StationPage />);
    expect(await screen.findByText('仅站长可用')).toBeTruthy();
  });
});

describe('邀请社工', () => {
  const future = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
  const past = new Date(Date.now() - 3600_000).toISOString();
  const existing: Invitation[] = [
    { code: 'USED0001', stationId: station.id, role: 'social_worker', expiresAt: future, usedBy: 'o_li', usedAt: past },
    { code: 'OPEN0002', stationId: station.id, role: 'admin', expiresAt: future },
    { code: 'LATE0003', stationId: station.id, role: 'social_worker', expiresAt: past },
  ];

  it('lists invitations as used, unused or expired', async () => {
    fakeApi({ account: { me: () => admin }, station: { listInvitations: () => ({ items: existing }) } });
    render(<InvitationsPage />);

    const row = async (code: string) => (await screen.findByText(code)).closest('.ll-invitation-card') as HTMLElement;
    expect(within(await row('USED0001')).getByText('已使用')).toBeTruthy();
    expect(within(await row('OPEN0002')).getByText('未使用')).toBeTruthy();
    expect(within(await row('LATE0003')).getByText('已过期')).toBeTruthy();
  });

  it('creates an invitation, shows its code large and copies it', async () => {
    const api = fakeApi({
      account: { me: () => admin },
      station: {
        listInvitations: () => ({ items: [] }),
        createInvitation: ({ role }) => ({ code: 'NEWC0DE9', stationId: station.id, role, expiresAt: future }),
      },
    });
    render(<InvitationsPage />);

    expect(await screen.findByText('还没有邀请码')).toBeTruthy();
    fireEvent.click(screen.getByText('邀请站长'));

    const highlight = (await screen.findByText('邀请站长的邀请码')).closest('.ll-invitation-card') as HTMLElement;
    expect(within(highlight).getByText('NEWC0DE9')).toBeTruthy();
    expect(within(highlight).getByText(/^有效期至/)).toBeTruthy();
    expect(api.callsTo('station', 'createInvitation')[0]!.input).toEqual({ role: 'admin' });
    // and it joins the list
    expect(screen.getAllByText('NEWC0DE9')).toHaveLength(2);

    fireEvent.click(within(highlight).getByText('复制邀请码'));
    expect(setClipboardData).toHaveBeenCalledWith({ data: 'NEWC0DE9' });
  });
});

describe('工作人员', () => {
  it('lists the staff with roles and community', async () => {
    fakeApi({
      account: { me: () => admin },
      station: {
        listMembers: () => ({
          items: [
            { openid: 'o_chen', name: '陈站长', roles: ['admin', 'social_worker'], communityId: 'c_lake' },
            { openid: 'o_li', name: '李社工', roles: ['social_worker'], communityId: null },
            { openid: 'o_wang', name: '王秀英', roles: ['resident'], communityId: 'c_park' },
          ],
        }),
      },
    });
    render(<MembersPage />);

    const chen = (await screen.findByText('陈站长')).closest('.members-page__row') as HTMLElement;
    expect(within(chen).getByText('湖滨社区')).toBeTruthy();
    expect(within(chen).getByText('站长')).toBeTruthy();
    expect(screen.getByText('李社工')).toBeTruthy();
    expect(screen.queryByText('王秀英')).toBeNull();
  });
});
