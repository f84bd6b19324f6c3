import { accountActions } from '@linli/types/actions/account';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { dataRequests, handleDataRequest } from './handlers/data-requests';
import { listStations } from './handlers/list-stations';
import { me } from './handlers/me';
import { acceptPrivacy, exportMyData, myDataRequests, requestDeletion } from './handlers/privacy';
import { redeemInvitation } from './handlers/redeem-invitation';
import { saveProfile } from './handlers/save-profile';

/**
 * account: who the caller is, their profile, becoming staff through an invitation, and their
 * personal data — consent to the notice, export, deletion requests and the 站长's queue of them.
 */
export const main = createFunction('account', accountActions, {
  me,
  listStations,
  saveProfile,
  redeemInvitation,
  acceptPrivacy,
  exportMyData,
  requestDeletion,
  myDataRequests,
  dataRequests,
  handleDataRequest,
});
