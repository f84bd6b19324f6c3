import { HARDSHIP_LABELS } from '@linli/types/entities/wish';
import type { FieldError } from '@linli/types/errors';
import { PUBLIC_TEXT_PROBLEM_MESSAGES, publicTextProblems } from '../../../_shared/domain/wish-public-text';
import { decideApproval, decideTransition, type WishCommand } from '../../../_shared/domain/wishes';
import { platform } from '../../../_shared/platform';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { usersRepository, type UserDoc } from '../../../_shared/repositories/users';
import { toWishState, type WishDoc } from '../../../_shared/repositories/wishes';
import { actorOf, loadWishDetail } from '../access';
import { wishDetail } from '../detail-view';
import { notifyWishStep } from '../notifications';
import { runStep, stepRefusal } from '../steps';

const STAFF = ['social_worker', 'admin'] as const;

/**
 * The public title and text against the rule (no name, number, address or hardship of the
 * beneficiary): every problem of each field, named by its path so the form shows it in place.
 */
async function assertPublicTextClean(doc: WishDoc, texts: { publicTitle: string; publicText: string }): Promise<void> {
  const beneficiary = await usersRepository.findByOpenid(doc.beneficiaryId);
  const details = {
    name: beneficiary?.name ?? '',
    ...(doc.hardship ? { hardshipLabel: HARDSHIP_LABELS[doc.hardship] } : {}),
  };
  const fields: FieldError[] = (['publicTitle', 'publicText'] as const).flatMap((path) =>
    publicTextProblems(texts[path], details).map((problem) => ({
      path,
      message: PUBLIC_TEXT_PROBLEM_MESSAGES[problem],
    })),
  );
  if (fields.length > 0) {
    const reasons = [...new Set(fields.map((f) => f.message))].join('；');
    throw new AppError('PUBLIC_TEXT_PERSONAL', `公开内容${reasons}`, fields);
  }
}

/**
 * Approves a wish for the wall. In order: the step must be possible at all (so a stale screen
 * hears WISH_STATE, not a text problem); the public text must keep the beneficiary out of it;
 * the platform's content check reads it. Then ONE write: approved, and at once published — or,
 * when the content check did not pass, held for a person to look at (the wish stays off the
 * wall; staff may rewrite the text and approve again, or decline).
 */
export const approve = defineAction('wishes', 'approve', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ wishId, publicTitle, publicText }, { caller, now }) {
    const doc = await loadWishDetail(wishId, caller);
    const precheck = decideApproval(toWishState(doc), actorOf(caller), now, { pass: true });
    if (!precheck.ok) throw stepRefusal(precheck.problem, 'approve', doc.status);
    await assertPublicTextClean(doc, { publicTitle, publicText });
    const verdict = await platform().checkText(`${publicTitle}\n${publicText}`, caller._id);

    const step = { wishId, action: 'approve', caller, now, load: loadWishDetail } as const;
    const { doc: after, events } = await runStep(step, (current) => {
      const decision = decideApproval(toWishState(current), actorOf(caller), now, verdict);
      const held = decision.ok && decision.changed ? decision.events.find((e) => e.action === 'hold') : undefined;
      return {
        decision,
        fields: {
          publicTitle,
          publicText,
          handlerId: caller._id,
          reviewNote: held?.note ?? null,
          publishedAt: held ? null : now,
        },
      };
    });
    await notifyWishStep(after, events);
    return wishDetail(after, caller);
  },
});

/** A review step with a reason the submitter reads (request_changes, decline). */
async function reviewWithReason(
  action: Extract<WishCommand, 'request_changes' | 'decline'>,
  wishId: string,
  reason: string,
  caller: UserDoc,
  now: Date,
) {
  const step = { wishId, action, caller, now, load: loadWishDetail };
  const { doc, events } = await runStep(step, (current) => ({
    decision: decideTransition(toWishState(current), action, actorOf(caller), now, reason),
    fields: { reviewNote: reason },
  }));
  await notifyWishStep(doc, events);
  return wishDetail(doc, caller);
}

export const requestChanges = defineAction('wishes', 'requestChanges', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ wishId, reason }, { caller, now }) => reviewWithReason('request_changes', wishId, reason, caller, now),
});

export const decline = defineAction('wishes', 'decline', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ wishId, reason }, { caller, now }) => reviewWithReason('decline', wishId, reason, caller, now),
});
