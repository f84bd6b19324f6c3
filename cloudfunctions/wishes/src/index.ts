import { wishesActions } from '@linli/types/actions/wishes';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { confirm, withdraw } from './handlers/lifecycle';
import { get, inbox, mine, summary } from './handlers/lists';
import { approve, decline, requestChanges } from './handlers/review';
import { revise, submit } from './handlers/submission';
import { claim, fulfil, publicView, release, wall } from './handlers/wall';

/** wishes: 微心愿 — submission, review, the wall, claims, delivery and confirmation (docs/wishes.md). */
export const main = createFunction('wishes', wishesActions, {
  submit,
  revise,
  mine,
  get,
  inbox,
  summary,
  approve,
  requestChanges,
  decline,
  withdraw,
  wall,
  publicView,
  claim,
  release,
  fulfil,
  confirm,
});
