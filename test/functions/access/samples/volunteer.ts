import type { Samples } from '../sample';

const NOT_VOLUNTEERS = ['resident', 'neighbour', 'socialWorker', 'admin'] as const;

export const volunteer: Samples<'volunteer'> = {
  register: {
    input: {
      realName: '王小明',
      phone: '13600000077',
      communityId: 'comm1',
      skills: ['陪伴探访'],
      availability: '周末',
      emergencyContact: { name: '王大明', phone: '13600000078' },
      consent: true,
    },
    narrower: {
      who: ['volunteer'],
      code: 'ALREADY_REGISTERED',
      why: 'an approved volunteer does not register again',
    },
  },
  me: { input: {} },
  registrations: { input: {} },
  detail: { input: { volunteerId: 'oDemoVolunteer1' }, names: 'station' },
  review: { input: { volunteerId: 'oDemoApplicant1', decision: 'approve' }, names: 'station' },
  setCore: { input: { volunteerId: 'oDemoVolunteer1', core: false }, names: 'station' },
  teams: { input: {} },
  createTeam: { input: { name: '岭南青年志愿队' } },
  // 赵志愿 leads the 长者关爱队: its leader and the staff see the members.
  teamMembers: { input: { teamId: 'DemoTeam01' }, names: 'volunteer' },
  setTeamLeader: { input: { teamId: 'DemoTeam01', volunteerId: 'oDemoVolunteer1' }, names: 'station' },
  joinTeam: {
    input: (fx) => ({ teamId: fx.teamToJoinId }),
    names: 'station',
    narrower: { who: NOT_VOLUNTEERS, code: 'NOT_VOLUNTEER', why: 'only approved volunteers join teams' },
  },
  leaveTeam: { input: { teamId: 'DemoTeam01' }, names: 'station' },
  shifts: { input: {} },
  signUp: {
    input: { activityId: 'DemoAct004', role: '签到引导' },
    names: 'station',
    narrower: { who: NOT_VOLUNTEERS, code: 'NOT_VOLUNTEER', why: 'only approved volunteers sign up for roles' },
  },
  cancelSignUp: { input: { activityId: 'DemoAct005' }, names: 'volunteer' },
  shiftRoster: { input: { activityId: 'DemoAct005' }, names: 'station' },
};
