import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';
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
  acceptPrivacy: { input: { version: PRIVACY_NOTICE_VERSION } },
  exportMyData: { input: {} },
  requestDeletion: { input: { reason: '不再使用' } },
  myDataRequests: { input: {} },
  dataRequests: { input: { status: 'all' } },
  // Declining keeps every cell's data intact; carrying deletions out is account/privacy.test.ts's.
  handleDataRequest: {
    input: (fx) => ({ requestId: fx.deletionRequestId, decision: 'decline', note: '核实中，请到站内当面办理' }),
    names: 'station',
  },
};
