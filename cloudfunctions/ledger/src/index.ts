import { createFunction } from '../../_shared/runtime/dispatcher';
import { signInSheetAction } from './handlers/signin-sheet';
import { placeholderActions } from '../../_shared/runtime/placeholder';

/** ledger (台账): evaluation-ready exports. */
// PLACEHOLDER until volunteerRegistry lands.
export const main = createFunction('ledger', { ...placeholderActions('ledger'), signInSheet: signInSheetAction });
