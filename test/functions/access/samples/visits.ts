import type { Samples } from '../sample';

/** The demo's home visits (local/demo/seed.ts demoHomeVisits): 冯伯's family (DemoAct009), 梁婆婆 (DemoAct010). */
export const visits: Samples<'visits'> = {
  team: { input: { activityId: 'DemoAct009' }, names: 'station' },
  addMember: { input: { activityId: 'DemoAct010', personId: 'oDemoSocial0002', role: 'staff' }, names: 'station' },
  removeMember: { input: { activityId: 'DemoAct009', personId: 'oDemoSocial0002' }, names: 'station' },
  setGender: { input: { activityId: 'DemoAct010', personId: 'oDemoSocial0001', gender: 'female' }, names: 'station' },
  // A list of the station's own: another station's social worker hears of none of them.
  checks: { input: { activityIds: ['DemoAct009', 'DemoAct010'] } },
};
