import type { Samples } from '../sample';

export const checkin: Samples<'checkin'> = {
  code: { input: { activityId: 'DemoAct001', mode: 'in' }, names: 'station' },
  // The code on the screen is all it takes: residents of a neighbouring station may attend too.
  scan: { input: (fx) => ({ token: fx.signInToken }) },
  myCode: { input: {} },
  personCard: { input: { personId: 'oDemoResident01' }, names: 'station' },
  reissueCard: { input: { personId: 'oDemoResident01' }, names: 'station' },
  // 赵志愿 is 太极晨练's door helper (fixtures); staff may scan too.
  staffScan: {
    input: (fx) => ({ activityId: 'DemoAct001', code: fx.residentCode, mode: 'in' }),
    names: 'volunteer',
  },
  searchPeople: { input: { activityId: 'DemoAct001', query: '张' }, names: 'station' },
  proxySignIn: { input: { activityId: 'DemoAct001', personId: 'oDemoResident02' }, names: 'station' },
  annul: {
    input: { activityId: 'DemoAct007', personId: 'oDemoResident01', reason: '误签，本人未到场' },
    names: 'station',
  },
  recordPaper: {
    input: { activityId: 'DemoAct007', entries: [{ personId: 'oDemoVolunteer1' }], note: '纸质签到表补录' },
    names: 'station',
  },
  helpers: { input: { activityId: 'DemoAct001' }, names: 'station' },
  grantHelper: { input: { activityId: 'DemoAct002', openid: 'oDemoVolunteer1' }, names: 'station' },
  revokeHelper: { input: { activityId: 'DemoAct001', openid: 'oDemoVolunteer1' }, names: 'station' },
  myHelperActivities: { input: {} },
  roster: { input: { activityId: 'DemoAct001' }, names: 'station' },
};
