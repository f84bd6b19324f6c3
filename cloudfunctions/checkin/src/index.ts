import { createFunction } from '../../_shared/runtime/dispatcher';
import { code, myCode } from './handlers/codes';
import { annul, proxySignIn, roster, searchPeople } from './handlers/roster';
import { scan, staffScan } from './handlers/scanning';

/** checkin: rotating sign-in codes, scans, personal codes, proxy sign-in and the live roster. */
export const main = createFunction('checkin', {
  code,
  scan,
  myCode,
  staffScan,
  searchPeople,
  proxySignIn,
  annul,
  roster,
});
