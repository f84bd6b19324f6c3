import { ledgerActions } from '@linli/types/actions/ledger';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { completionTableAction } from './handlers/completion-table';
import { evidencePackAction } from './handlers/evidence-pack';
import { signInSheetAction } from './handlers/signin-sheet';
import { volunteerRegistryAction } from './handlers/volunteer-registry';

/** ledger (台账): evaluation-ready exports. */
export const main = createFunction('ledger', ledgerActions, {
  signInSheet: signInSheetAction,
  volunteerRegistry: volunteerRegistryAction,
  completionTable: completionTableAction,
  evidencePack: evidencePackAction,
});
