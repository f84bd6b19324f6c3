import { activityActions } from '@linli/types/actions/activity';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { book, cancelBooking } from './handlers/booking';
import { get, list, manage, mine } from './handlers/browse';
import { invitees } from './handlers/invitees';
import { cancel, publish, update } from './handlers/publishing';

/** activity: publishing activities, browsing them, booking seats and the waitlist. */
export const main = createFunction('activity', activityActions, {
  list,
  get,
  manage,
  publish,
  update,
  cancel,
  invitees,
  book,
  cancelBooking,
  mine,
});
