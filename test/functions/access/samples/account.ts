import type { Samples } from '../sample';
import { PERSONAS } from '../personas';

export const account: Samples<'account'> = {
  me: { input: {} },
  listStations: { input: {} },
  saveProfile: {
    // Each caller saves a profile at their own station (the unknown caller at the demo one):
    // moving station is a staff matter with its own rule and test (account.test.ts).
    input: (_fx, caller) => ({
      name: '王小明',
      stationId: PERSONAS[caller].stationId ?? 'st-lingnan',
      communityId: 'comm1',
      phone: '13600000066',
      consent: true,
    }),
  },
  redeemInvitation: { input: (fx) => ({ code: fx.invitationCode }) },
};
