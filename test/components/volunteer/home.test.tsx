import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_MESSAGES } from '@linli/types/errors';
import VolunteerHomePage from '@/subpackages/volunteer/pages/home/index';
import { fakeApi, refuse } from '../support/fake-api';
import { navigateTo, showModal } from '../support/taro';
import { applicant, myVolunteer, team, volunteerMe } from './fixtures';

const teamRow = (name: string) =>
  screen.getAllByTestId('team-row').find((row) => row.textContent?.includes(name)) as HTMLElement;

describe('我的志愿服务', () => {
  it('invites someone who has not applied to register', async () => {
    fakeApi({
      account: { me: () => applicant },
      volunteer: { me: () => ({ volunteer: null }), teams: () => ({ items: [team()] }) },
    });
    render(<VolunteerHomePage />);
    fireEvent.click(await screen.findByText('注册志愿者'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/register/index' });
    fireEvent.click(screen.getByText('核验服务证明'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/verify/index' });
  });

  it('shows a pending application, masked phone, and teams that can be joined only once approved', async () => {
    const api = fakeApi({
      account: { me: () => applicant },
      volunteer: { me: () => ({ volunteer: myVolunteer({ status: 'pending' }) }), teams: () => ({ items: [team()] }) },
    });
    const { container } = render(<VolunteerHomePage />);

    const card = await screen.findByTestId('volunteer-status');
    expect(within(card).getByText('待审核')).toBeTruthy();
    expect(card.textContent).toContain('139****0012');
    expect(container.textContent).not.toMatch(/1\d{10}/);
    expect(screen.getByText('社工审核通过后，就可以报名服务岗位、记录服务时长。')).toBeTruthy();
    expect(screen.queryByText('报名服务岗位')).toBeNull();
    expect(screen.getByText('审核通过后可以加入服务队')).toBeTruthy();
    expect(within(teamRow('岭南长者关爱队')).queryByText('加入')).toBeNull();
    expect(api.callsTo('volunteer', 'joinTeam')).toHaveLength(0);
  });

  it('shows why an application was not approved, with the way to apply again', async () => {
    fakeApi({
      account: { me: () => applicant },
      volunteer: {
        me: () => ({ volunteer: myVolunteer({ status: 'rejected', reason: '请填写真实姓名' }) }),
        teams: () => ({ items: [] }),
      },
    });
    render(<VolunteerHomePage />);
    expect(await screen.findByText('未通过')).toBeTruthy();
    expect(screen.getByText('未通过原因：请填写真实姓名')).toBeTruthy();
    fireEvent.click(screen.getByText('修改后重新申请'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/volunteer/pages/register/index' });
  });

  it('leads an approved volunteer to shifts, hours and certificates, and shows 骨干', async () => {
    fakeApi({
      account: { me: () => volunteerMe },
      volunteer: { me: () => ({ volunteer: myVolunteer({ core: true }) }), teams: () => ({ items: [] }) },
    });
    render(<VolunteerHomePage />);
    expect(await screen.findByText('已通过')).toBeTruthy();
    expect(screen.getByText('骨干志愿者')).toBeTruthy();
    for (const [title, url] of [
      ['报名服务岗位', '/subpackages/volunteer/pages/shifts/index'],
      ['我的服务时长', '/subpackages/volunteer/pages/hours/index'],
      ['开具服务记录证明', '/subpackages/volunteer/pages/certificate/index'],
    ]) {
      fireEvent.click(screen.getByText(title!));
      expect(navigateTo).toHaveBeenCalledWith({ url });
    }
  });

  it('joins a team and leaves one, each once, with a requestId', async () => {
    const api = fakeApi({
      account: { me: () => volunteerMe },
      volunteer: {
        me: () => ({ volunteer: myVolunteer() }),
        teams: () => ({
          items: [
            team(),
            team({ id: 'team_repair', name: '便民维修队', leaderName: null, memberCount: 3, joined: true }),
          ],
        }),
        joinTeam: ({ teamId }) => team({ id: teamId, memberCount: 6, joined: true }),
        leaveTeam: ({ teamId }) =>
          team({ id: teamId, name: '便民维修队', leaderName: null, memberCount: 2, joined: false }),
      },
    });
    render(<VolunteerHomePage />);

    const mine = (await screen.findByText('我的服务队')).parentElement as HTMLElement;
    expect(within(mine).getByText('便民维修队')).toBeTruthy();
    fireEvent.click(within(teamRow('岭南长者关爱队')).getByText('加入'));
    await waitFor(() => expect(within(teamRow('岭南长者关爱队')).getByText('退出')).toBeTruthy());
    expect(within(mine).getByText('岭南长者关爱队')).toBeTruthy();
    expect(teamRow('岭南长者关爱队').textContent).toContain('队长 赵志愿 · 6人');
    expect(api.callsTo('volunteer', 'joinTeam')[0]).toMatchObject({ input: { teamId: 'team_elder' } });
    expect(api.callsTo('volunteer', 'joinTeam')[0]!.requestId).toMatch(/^r/);

    fireEvent.click(within(teamRow('便民维修队')).getByText('退出'));
    await waitFor(() => expect(within(teamRow('便民维修队')).getByText('加入')).toBeTruthy());
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出服务队' }));
    expect(api.callsTo('volunteer', 'leaveTeam')).toHaveLength(1);
  });

  it('keeps a team when leaving is not confirmed', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    const api = fakeApi({
      account: { me: () => volunteerMe },
      volunteer: {
        me: () => ({ volunteer: myVolunteer() }),
        teams: () => ({ items: [team({ joined: true })] }),
      },
    });
    render(<VolunteerHomePage />);
    fireEvent.click(await screen.findByText('退出'));
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    expect(api.callsTo('volunteer', 'leaveTeam')).toHaveLength(0);
  });

  it('shows a refusal to join under the teams', async () => {
    fakeApi({
      account: { me: () => volunteerMe },
      volunteer: {
        me: () => ({ volunteer: myVolunteer() }),
        teams: () => ({ items: [team()] }),
        joinTeam: () => refuse({ code: 'NOT_VOLUNTEER', message: DEFAULT_MESSAGES.NOT_VOLUNTEER }),
      },
    });
    render(<VolunteerHomePage />);
    fireEvent.click(await screen.findByText('加入'));
    expect(await screen.findByText(DEFAULT_MESSAGES.NOT_VOLUNTEER)).toBeTruthy();
  });

  it('asks for a profile first', async () => {
    fakeApi({
      volunteer: {
        me: () => refuse({ code: 'PROFILE_REQUIRED', message: DEFAULT_MESSAGES.PROFILE_REQUIRED }),
        teams: () => refuse({ code: 'PROFILE_REQUIRED', message: DEFAULT_MESSAGES.PROFILE_REQUIRED }),
      },
    });
    render(<VolunteerHomePage />);
    fireEvent.click(await screen.findByText('完善资料'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });
});
