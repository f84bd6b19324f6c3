import { accountActions } from '@linli/types/actions/account';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { listStations } from './handlers/list-stations';
import { me } from './handlers/me';
import { redeemInvitation } from './handlers/redeem-invitation';
import { saveProfile } from './handlers/save-profile';

/** account: who the caller is, their profile, and becoming staff through an invitation. */
export const main = createFunction('account', accountActions, { me, listStations, saveProfile, redeemInvitation });
