import { checkinActions } from '@linli/types/actions/checkin';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { code, myCode, personCard, reissueCard } from './handlers/codes';
import { grantHelper, helpers, myHelperActivities, recordPaper, revokeHelper } from './handlers/door';
import { annul, proxySignIn, roster, searchPeople } from './handlers/roster';
import { scan, staffScan } from './handlers/scanning';

/** checkin: rotating sign-in codes, scans, personal codes, proxy and paper sign-in, door helpers, the roster. */
export const main = createFunction('checkin', checkinActions, {
  code,
  scan,
  myCode,
  personCard,
  reissueCard,
  staffScan,
  searchPeople,
  proxySignIn,
  annul,
  recordPaper,
  helpers,
  grantHelper,
  revokeHelper,
  myHelperActivities,
  roster,
});
