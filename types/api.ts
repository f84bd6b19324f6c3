import type { z } from 'zod';
import { accountActions } from './actions/account';
import { activityActions } from './actions/activity';
import { checkinActions } from './actions/checkin';
import { feedbackActions } from './actions/feedback';
import { hoursActions } from './actions/hours';
import { indicatorsActions } from './actions/indicators';
import { ledgerActions } from './actions/ledger';
import { stationActions } from './actions/station';
import { surveysActions } from './actions/surveys';
import { visitsActions } from './actions/visits';
import { volunteerActions } from './actions/volunteer';
import { wishesActions } from './actions/wishes';

/**
 * The action map: function → action → {input, output} schemas. Both the mini-program's service
 * module and every function's dispatcher are typed against it, so a renamed action or a changed
 * field breaks the build on both sides at once. Adding a function: add its map here and a folder
 * under cloudfunctions/ with the same name.
 */
export const API = {
  account: accountActions,
  activity: activityActions,
  checkin: checkinActions,
  feedback: feedbackActions,
  hours: hoursActions,
  indicators: indicatorsActions,
  ledger: ledgerActions,
  station: stationActions,
  surveys: surveysActions,
  visits: visitsActions,
  volunteer: volunteerActions,
  wishes: wishesActions,
} as const;

export type Api = typeof API;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type Spec<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I extends z.ZodType;
  output: infer O extends z.ZodType;
}
  ? { input: I; output: O }
  : never;
/** What a caller passes (defaults may be omitted). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<Spec<F, A>['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['input']>;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<Spec<F, A>['output']>;

export const FUNCTION_NAMES = Object.keys(API) as FunctionName[];
