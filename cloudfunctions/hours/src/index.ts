import { createFunction } from '../../_shared/runtime/dispatcher';
import { placeholderActions } from '../../_shared/runtime/placeholder';

/** hours: volunteer service hours, reviews, corrections, certificates. */
export const main = createFunction('hours', placeholderActions('hours'));
