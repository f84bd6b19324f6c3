import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import TeamPage from '@/subpackages/staff/pages/team/index';
import TeamsPage from '@/subpackages/staff/pages/teams/index';
import { openWithParams } from '../activities/fixtures';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { team } from './fixtures';

afterEach(() => jest.restoreAllMocks());

const teamRow = (name: string) => screen.getByText(name).closest('[data-testid="team-row"]') as HTMLElement;
const memberRow = (name: string) => screen.getByText(name).closest('[data-testid="team-member"]') as HTMLElement;

describe('志愿服务队', () => {
  it('lists the teams with leader and size, and opens a team', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      volunteer: {
        teams: () => ({ items: [team(), team({ id: 'team_kids', name: '护苗队', leaderName: null, memberCount: 0 })] }),
      },
    });
    render(<TeamsPage />);

    await screen.findByText('长者关爱队');
    expect(within(teamRow('长者关爱队')).getByText('队长：赵志愿')).toBeTruthy();
    expect(within(teamRow('长者关爱队')).getByText('2 人 ›')).toBeTruthy();
    expect(within(teamRow('护苗队')).getByText('暂无队长')).toBeTruthy();
    fireEvent.click(teamRow('护苗队'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/team/index?id=team_kids' });
  });

  it('新建队伍 checks the name, creates the team once per intent, and lists it', async () => {
    let created = 0;
    const api = fakeApi({
      account: { me: () => socialWorker },
      volunteer: {
        teams: () => ({ items: [] }),
        createTeam: ({ name }) => {
          created += 1;
          if (created === 1) refuse({ code: 'INTERNAL', message: '网络不稳定，请稍后重试' });
          return team({ id: 'team_new', name, leaderName: null, memberCount: 0 });
        },
      },
    });
    render(<TeamsPage />);
    expect(await screen.findByText('还没有志愿服务队')).toBeTruthy();

    fireEvent.input(screen.getByPlaceholderText('队名，例如：长者关爱队'), { target: { value: '护' } });
    fireEvent.click(screen.getByText('新建队伍', { selector: '.nut-button *' }));
    expect(screen.getByRole('alert').textContent).toBe('队名至少2个字');
    expect(api.callsTo('volunteer', 'createTeam')).toHaveLength(0);

    fireEvent.input(screen.getByPlaceholderText('队名，例如：长者关爱队'), { target: { value: ' 护苗队 ' } });
    fireEvent.click(screen.getByText('新建队伍', { selector: '.nut-button *' }));
    expect((await screen.findByRole('alert')).textContent).toBe('网络不稳定，请稍后重试');
    fireEvent.click(screen.getByText('新建队伍', { selector: '.nut-button *' }));

    expect(await screen.findByText('护苗队')).toBeTruthy();
    const calls = api.callsTo('volunteer', 'createTeam');
    expect(calls.map((c) => c.input)).toEqual([{ name: '护苗队' }, { name: '护苗队' }]);
    expect(calls[1]!.requestId).toBe(calls[0]!.requestId); // the retry is the same intent
    expect(screen.queryByText('还没有志愿服务队')).toBeNull();
  });

  it('shows a duplicate name refused by the function next to the box', async () => {
    fakeApi({
      account: { me: () => socialWorker },
      volunteer: {
        teams: () => ({ items: [team()] }),
        createTeam: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: '填写的内容有误',
            fields: [{ path: 'name', message: '本站已有同名队伍' }],
          }),
      },
    });
    render(<TeamsPage />);
    await screen.findByText('长者关爱队');
    fireEvent.input(screen.getByPlaceholderText('队名，例如：长者关爱队'), { target: { value: '长者关爱队' } });
    fireEvent.click(screen.getByText('新建队伍', { selector: '.nut-button *' }));
    expect((await screen.findByRole('alert')).textContent).toBe('本站已有同名队伍');
  });
});

describe('队员名单', () => {
  beforeEach(() => openWithParams({ id: 'team_care' }));

  const members = [
    { volunteerId: 'o_zhao', realName: '赵志愿', core: true, leader: true, joinedAt: '2026-10-01T09:00:00+08:00' },
    { volunteerId: 'o_qian', realName: '钱多多', core: false, leader: false, joinedAt: '2026-11-05T09:00:00+08:00' },
  ];

  it('shows the members with leader and 骨干, and appoints another leader', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      volunteer: {
        teamMembers: () => ({ team: team(), members }),
        setTeamLeader: () => team({ leaderName: '钱多多' }),
      },
    });
    render(<TeamPage />);

    expect(await screen.findByText('队长：赵志愿 · 2 人')).toBeTruthy();
    expect(within(memberRow('赵志愿')).getByText('队长')).toBeTruthy();
    expect(within(memberRow('赵志愿')).getByText('骨干')).toBeTruthy();
    expect(within(memberRow('赵志愿')).queryByText('设为队长')).toBeNull();
    expect(within(memberRow('钱多多')).getByText('11月5日 周四 加入')).toBeTruthy();

    fireEvent.click(within(memberRow('钱多多')).getByText('设为队长'));
    expect(await screen.findByText('队长：钱多多 · 2 人')).toBeTruthy();
    expect(within(memberRow('钱多多')).getByText('队长')).toBeTruthy();
    expect(within(memberRow('赵志愿')).getByText('设为队长')).toBeTruthy();
    const [call] = api.callsTo('volunteer', 'setTeamLeader');
    expect(call!.input).toEqual({ teamId: 'team_care', volunteerId: 'o_qian' });
    expect(call!.requestId).toMatch(/^r[a-z0-9]+$/);
  });

  it('explains NOT_MEMBER kindly and shows the list as it is now', async () => {
    let current = members;
    const api = fakeApi({
      account: { me: () => socialWorker },
      volunteer: {
        teamMembers: () => ({ team: team({ memberCount: current.length }), members: current }),
        setTeamLeader: () => {
          current = [members[0]!]; // 钱多多 left the team meanwhile
          return refuse({ code: 'NOT_MEMBER', message: '队长须是本队已审核通过的志愿者' });
        },
      },
    });
    render(<TeamPage />);

    await screen.findByText('钱多多');
    fireEvent.click(within(memberRow('钱多多')).getByText('设为队长'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '这位志愿者已不在本队，或还不是审核通过的志愿者，不能设为队长。名单已刷新，请重新选择。',
    );
    await waitFor(() => expect(screen.queryByText('钱多多')).toBeNull());
    expect(api.callsTo('volunteer', 'teamMembers')).toHaveLength(2);
  });

  it('opens a member’s record', async () => {
    fakeApi({ account: { me: () => socialWorker }, volunteer: { teamMembers: () => ({ team: team(), members }) } });
    render(<TeamPage />);
    fireEvent.click(await screen.findByText('钱多多'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/volunteer/index?id=o_qian' });
  });
});
