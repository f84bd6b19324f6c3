import type { FunctionName } from '@linli/types/api';
import type { Samples } from '../sample';
import { account } from './account';
import { activity } from './activity';
import { checkin } from './checkin';
import { feedback } from './feedback';
import { hours } from './hours';
import { indicators } from './indicators';
import { ledger } from './ledger';
import { station } from './station';
import { surveys } from './surveys';
import { visits } from './visits';
import { volunteer } from './volunteer';
import { wishes } from './wishes';

/** A sample for every action of every function in the action map: a missing one fails the type check. */
export const SAMPLES: { [F in FunctionName]: Samples<F> } = {
  account,
  activity,
  checkin,
  feedback,
  hours,
  indicators,
  ledger,
  station,
  surveys,
  visits,
  volunteer,
  wishes,
};
