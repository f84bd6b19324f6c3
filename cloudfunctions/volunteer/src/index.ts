import { createFunction } from '../../_shared/runtime/dispatcher';
import { placeholderActions } from '../../_shared/runtime/placeholder';

/** volunteer: registration and review, teams, shifts. */
export const main = createFunction('volunteer', placeholderActions('volunteer'));
