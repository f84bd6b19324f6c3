import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { addVolunteers, ADMIN, APPLICANT, OTHER_SOCIAL, RESIDENT, SOCIAL, VOLUNTEER, volunteerState } from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

const DEMO_TEAM = 'DemoTeam01';
const membersOf = async (teamId: string) =>
  (await h.db.dump('team_members')).filter((m) => m.teamId === teamId).map((m) => m.volunteerId);

describe('teams', () => {
  it('lists the station’s teams with the leader, size and whether I joined', async () => {
    expect((await h.ok(VOLUNTEER, 'volunteer', 'teams', {})).items).toEqual([
      { id: DEMO_TEAM, name: '岭南长者关爱队', leaderName: '赵志愿', memberCount: 1, joined: true },
    ]);
    expect((await h.ok(RESIDENT, 'volunteer', 'teams', {})).items[0]).toMatchObject({ joined: false });
    expect((await h.ok(OTHER_SOCIAL, 'volunteer', 'teams', {})).items).toEqual([]);
  });

  it('staff create teams; names are unique in a station; residents may not create', async () => {
    const team = await h.ok(SOCIAL, 'volunteer', 'createTeam', { name: ' 光复助老队 ' });
    expect(team).toMatchObject({ name: '光复助老队', leaderName: null, memberCount: 0, joined: false });
    const again = await h.call(ADMIN, 'volunteer', 'createTeam', { name: '光复助老队' });
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'name' }] });
    // Another station may use the same name.
    await h.ok(OTHER_SOCIAL, 'volunteer', 'createTeam', { name: '光复助老队' });
    expect(await h.errorCode(RESIDENT, 'volunteer', 'createTeam', { name: '居民自建队' })).toBe('FORBIDDEN');
    // Two staff creating the same name at the same moment: one team, one CONFLICT.
    const racing = await Promise.all(
      [SOCIAL, ADMIN].map((who) => h.call(who, 'volunteer', 'createTeam', { name: '同名赛跑队' })),
    );
    expect(racing.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
    expect((await h.db.dump('teams')).filter((t) => t.name === '同名赛跑队')).toHaveLength(1);
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'createTeam', { name: '志愿者自建队' })).toBe('FORBIDDEN');
    const tooShort = await h.call(SOCIAL, 'volunteer', 'createTeam', { name: '队' });
    expect(!tooShort.ok && tooShort.error).toMatchObject({ code: 'INVALID_INPUT', fields: [{ path: 'name' }] });
    expect((await h.db.dump('teams')).map((t) => t.name).sort()).toEqual(
      ['光复助老队', '光复助老队', '同名赛跑队', '岭南长者关爱队'].sort(),
    );
  });

  it('a retried createTeam with the same request id makes one team', async () => {
    const first = await h.ok(SOCIAL, 'volunteer', 'createTeam', { name: '扬仁义剪队' }, 'req-team-1');
    const retry = await h.ok(SOCIAL, 'volunteer', 'createTeam', { name: '扬仁义剪队' }, 'req-team-1');
    expect(retry).toEqual(first);
    expect((await h.db.dump('teams')).filter((t) => t.name === '扬仁义剪队')).toHaveLength(1);
  });
});

describe('joining and leaving', () => {
  it('approved volunteers join once however often they tap, and leave', async () => {
    const [v1] = await addVolunteers(h, 1);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.call(v1!, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await membersOf(DEMO_TEAM)).toEqual([VOLUNTEER, v1]);
    expect(await h.ok(v1!, 'volunteer', 'teams', {})).toMatchObject({ items: [{ memberCount: 2, joined: true }] });

    expect(await h.ok(v1!, 'volunteer', 'leaveTeam', { teamId: DEMO_TEAM })).toMatchObject({
      memberCount: 1,
      joined: false,
    });
    // Leaving again changes nothing.
    expect(await h.ok(v1!, 'volunteer', 'leaveTeam', { teamId: DEMO_TEAM })).toMatchObject({ memberCount: 1 });
    expect(await membersOf(DEMO_TEAM)).toEqual([VOLUNTEER]);
  });

  it('only approved volunteers of the team’s station join', async () => {
    const before = await volunteerState(h);
    expect(await h.errorCode(RESIDENT, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM })).toBe('NOT_VOLUNTEER');
    expect(await h.errorCode(APPLICANT, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM })).toBe('NOT_VOLUNTEER');
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM })).toBe('NOT_FOUND');
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'joinTeam', { teamId: 'NoSuchTeam' })).toBe('NOT_FOUND');
    expect(await volunteerState(h)).toEqual(before);
  });
});

describe('leaders and the member list', () => {
  it('staff appoint an approved member as the one leader', async () => {
    const [v1, v2] = await addVolunteers(h, 2);
    await h.ok(v1!, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM });
    expect(await h.ok(SOCIAL, 'volunteer', 'setTeamLeader', { teamId: DEMO_TEAM, volunteerId: v1! })).toMatchObject({
      leaderName: '志愿者0',
    });
    const { members } = await h.ok(ADMIN, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM });
    expect(members.map((m) => [m.realName, m.leader])).toEqual([
      ['赵志愿', false],
      ['志愿者0', true],
    ]);

    // Not a member (v2), not of this station's volunteers, a resident: NOT_MEMBER.
    const before = await volunteerState(h);
    for (const candidate of [v2!, RESIDENT, APPLICANT]) {
      expect(
        await h.errorCode(SOCIAL, 'volunteer', 'setTeamLeader', { teamId: DEMO_TEAM, volunteerId: candidate }),
      ).toBe('NOT_MEMBER');
    }
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'setTeamLeader', { teamId: DEMO_TEAM, volunteerId: v1! })).toBe(
      'FORBIDDEN',
    );
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'setTeamLeader', { teamId: DEMO_TEAM, volunteerId: v1! })).toBe(
      'NOT_FOUND',
    );
    expect(await volunteerState(h)).toEqual(before);
  });

  it('a leader who leaves stops leading, and rejoining does not restore it', async () => {
    await h.ok(VOLUNTEER, 'volunteer', 'leaveTeam', { teamId: DEMO_TEAM });
    expect((await h.ok(SOCIAL, 'volunteer', 'teams', {})).items[0]).toMatchObject({
      leaderName: null,
      memberCount: 0,
    });
    await h.ok(VOLUNTEER, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM });
    expect((await h.ok(SOCIAL, 'volunteer', 'teams', {})).items[0]).toMatchObject({
      leaderName: null,
      memberCount: 1,
    });
    expect(await h.errorCode(VOLUNTEER, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM })).toBe('FORBIDDEN');
  });

  it('the member list is for staff and the leader, not other members, residents or other stations', async () => {
    const [v1] = await addVolunteers(h, 1);
    await h.ok(v1!, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM });
    const asLeader = await h.ok(VOLUNTEER, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM });
    expect(asLeader.team).toMatchObject({ name: '岭南长者关爱队', leaderName: '赵志愿', memberCount: 2 });
    expect(asLeader.members.map((m) => m.volunteerId)).toEqual([VOLUNTEER, v1]);
    expect(asLeader.members[0]).toMatchObject({ core: true, leader: true });
    expect(JSON.stringify(asLeader)).not.toMatch(/1[3-9]\d{9}/);
    expect(await h.ok(SOCIAL, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM })).toEqual({
      ...asLeader,
      team: { ...asLeader.team, joined: false },
    });
    expect(await h.errorCode(v1!, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM })).toBe('FORBIDDEN');
    expect(await h.errorCode(RESIDENT, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM })).toBe('FORBIDDEN');
    expect(await h.errorCode(OTHER_SOCIAL, 'volunteer', 'teamMembers', { teamId: DEMO_TEAM })).toBe('NOT_FOUND');
  });

  it('teams show on the volunteer’s own record and in staff lists', async () => {
    const [v1] = await addVolunteers(h, 1);
    const team = await h.ok(SOCIAL, 'volunteer', 'createTeam', { name: '摄影服务队' });
    await h.ok(v1!, 'volunteer', 'joinTeam', { teamId: DEMO_TEAM });
    await h.ok(v1!, 'volunteer', 'joinTeam', { teamId: team.id });
    const mine = (await h.ok(v1!, 'volunteer', 'me', {})).volunteer?.teams ?? [];
    expect([...mine].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [
        { id: DEMO_TEAM, name: '岭南长者关爱队' },
        { id: team.id, name: '摄影服务队' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect((await h.ok(SOCIAL, 'volunteer', 'detail', { volunteerId: v1! })).teams).toHaveLength(2);
  });
});
