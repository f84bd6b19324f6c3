import { feedbackActions } from '@linli/types/actions/feedback';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { indicators } from './handlers/indicators';
import { get, inbox, mine, summary } from './handlers/read';
import { options, submit } from './handlers/send';
import { close, reassign, reopen, reply } from './handlers/steps';

/** feedback: opinions, suggestions and complaints — sending, handling, deadlines, indicators. */
export const main = createFunction('feedback', feedbackActions, {
  options,
  submit,
  mine,
  get,
  inbox,
  summary,
  reply,
  close,
  reopen,
  reassign,
  indicators,
});
