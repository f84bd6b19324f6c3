import { hoursActions } from '@linli/types/actions/hours';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { issueCertificate, verifyCertificate } from './handlers/certificates';
import { history } from './handlers/history';
import { add, correct, declineCorrection } from './handlers/records';
import { approve, pending, reject } from './handlers/review';
import { mine, report, requestCorrection } from './handlers/volunteer';

/** hours: volunteer service hours, reviews, corrections, certificates. */
export const main = createFunction('hours', hoursActions, {
  mine,
  report,
  requestCorrection,
  pending,
  approve,
  reject,
  add,
  correct,
  declineCorrection,
  history,
  issueCertificate,
  verifyCertificate,
});
