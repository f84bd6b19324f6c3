import { WISH_ACTION_LABELS, WISH_STATUS_LABELS, type WishAction, type WishStatus } from '@linli/types/entities/wish';
import type { WishDecision, WishEvent, WishProblem } from '../../_shared/domain/wishes';
import { AppError } from '../../_shared/runtime/app-error';
import { afterStep, wishesRepository, type WishDoc, type WishStepFields } from '../../_shared/repositories/wishes';
import type { UserDoc } from '../../_shared/repositories/users';
import { loadWishForStep } from './access';

/** How many times a step is decided again after losing a race, before answering CONFLICT. */
export const RACE_RETRIES = 3;

/** A decision on the wish as read, and what else the step writes. */
export interface StepPlan {
  decision: WishDecision;
  fields?: WishStepFields;
}

export interface StepResult {
  doc: WishDoc;
  /** The events written; empty when the step had already been taken (a second tap). */
  events: WishEvent[];
}

/** Who may take each step, in words, for a refusal (the transition table's `by` and `notBy`). */
const WHO_MAY: Partial<Record<WishAction, string>> = {
  revise: '只有提交人、受助人本人或社工可以修改这个心愿',
  request_changes: '不能审核自己的心愿，请由另一位社工处理',
  approve: '不能审核自己的心愿，请由另一位社工处理',
  decline: '不能审核自己的心愿，请由另一位社工处理',
  withdraw: '只有受助人本人、提交人或社工可以撤回这个心愿',
  claim: '只有本站的居民、志愿者或爱心单位可以认领',
  release: '只有认领人或社工可以放弃认领',
  fulfil: '只有认领人或社工可以登记交付',
  confirm: '请由受助人本人或社工确认收到（认领人不能确认自己的交付）',
};

/** The error a refused step answers with; `notePath` names the input field of a missing note. */
export function stepRefusal(
  problem: WishProblem,
  action: WishAction,
  status: WishStatus,
  notePath = 'reason',
): AppError {
  switch (problem) {
    case 'STATE':
      return new AppError(
        'WISH_STATE',
        `这个心愿现在是「${WISH_STATUS_LABELS[status]}」，不能${WISH_ACTION_LABELS[action]}`,
      );
    case 'ROLE':
      return new AppError('FORBIDDEN', WHO_MAY[action]);
    case 'TAKEN':
      return new AppError('WISH_TAKEN');
    case 'OWN_WISH':
      return new AppError('OWN_WISH');
    case 'NOTE_REQUIRED': {
      const message = '请填写原因（至少2个字）';
      return new AppError('INVALID_INPUT', message, [{ path: notePath, message }]);
    }
  }
}

export interface StepRequest {
  wishId: string;
  action: WishAction;
  caller: UserDoc;
  now: Date;
  /**
   * How the wish is read, which is also who may see it at all: by default anyone it is public
   * to or whole to; steps only its beneficiary and staff take read it with loadWishDetail.
   */
  load?: (wishId: string, caller: UserDoc) => Promise<WishDoc>;
  /** The input field of the step's note, for NOTE_REQUIRED. */
  notePath?: string;
}

/**
 * Takes one step on a wish: read it, decide on what was read, write the decision as one update
 * conditional on the status and version read. Losing a race (someone else stepped first) means
 * reading again and deciding again — a claim that lost now answers WISH_TAKEN, an approval
 * that lost answers WISH_STATE. `plan` must be pure: it may run more than once.
 */
export async function runStep(request: StepRequest, plan: (doc: WishDoc) => StepPlan): Promise<StepResult> {
  const { wishId, action, caller, now, load = loadWishForStep, notePath } = request;
  let doc = await load(wishId, caller);
  for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
    const { decision, fields = {} } = plan(doc);
    if (!decision.ok) throw stepRefusal(decision.problem, action, doc.status, notePath);
    if (!decision.changed) return { doc, events: [] };
    if (await wishesRepository.transition(doc, decision.wish, fields, now)) {
      return { doc: afterStep(doc, decision.wish, fields, now), events: decision.events };
    }
    doc = await load(wishId, caller);
  }
  throw new AppError('CONFLICT');
}
