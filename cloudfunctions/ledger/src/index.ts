import { createFunction } from '../../_shared/runtime/dispatcher';
import { signInSheetAction } from './handlers/signin-sheet';

/** ledger (台账): evaluation-ready exports. */
export const main = createFunction('ledger', { signInSheet: signInSheetAction });
