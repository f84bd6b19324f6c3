import { WISH_STATUS_LABELS } from '@linli/types/entities/wish';
import type { SubscriptionTemplateKey } from '@linli/types/subscriptions';
import { isStaff } from '../../_shared/domain/roles';
import type { WishEvent } from '../../_shared/domain/wishes';
import { platform } from '../../_shared/platform';
import dayjs from '../../_shared/runtime/dayjs';
import { usersRepository } from '../../_shared/repositories/users';
import type { WishDoc } from '../../_shared/repositories/wishes';

/**
 * Subscription messages about a wish, to the people it belongs to: whoever submitted it and the
 * beneficiary (once if they are the same; never a resident registered at the door, who has no
 * WeChat). Sent for the three things a submitter waits for, on the three templates 提交心愿 asks
 * for (types/subscriptions.ts): how the review ended — published, changes asked for or declined,
 * one template, since a review ends only one way — claimed, and delivered. A content check that
 * holds the wish is not an end of the review: staff approve again or decline, and that is sent.
 */
export const TEMPLATE: Partial<Record<WishEvent['action'], SubscriptionTemplateKey>> = {
  publish: 'wish_reviewed',
  request_changes: 'wish_reviewed',
  decline: 'wish_reviewed',
  claim: 'wish_claimed',
  fulfil: 'wish_fulfilled',
};

const NOTE: Partial<Record<WishEvent['action'], string>> = {
  publish: '心愿已发布到心愿墙，等待爱心人士认领',
  claim: '心愿已被认领，社工会和您联系',
  fulfil: '心愿已交付，请确认收到',
  request_changes: '社工请您修改心愿',
  decline: '心愿未通过审核',
};

/** A template's `thing` value holds at most 20 characters. */
const clip = (text: string): string => Array.from(text).slice(0, 20).join('');

/** The page a message opens: staff go to the review page, the beneficiary to 我的心愿. */
const pageFor = (staff: boolean, wishId: string): string =>
  staff ? `subpackages/staff/pages/wish/index?id=${wishId}` : `pages/wishes/detail/index?id=${wishId}`;

/**
 * Tells the wish's people about the step just written. Never fails the step: it is on disk, and
 * an error here would make a retry of the same request refuse the step it already took.
 */
export async function notifyWishStep(doc: WishDoc, events: readonly WishEvent[]): Promise<void> {
  const event = events.find((e) => TEMPLATE[e.action]);
  if (!event) return;
  // Whoever took the step knows already (a social worker approving the wish they wrote down).
  const actedBy = events[0]!.by;
  const recipients = [...new Set([doc.submittedBy, doc.beneficiaryId])].filter(
    (id) => !id.startsWith('walkin-') && id !== actedBy,
  );
  if (recipients.length === 0) return;
  try {
    const people = await usersRepository.findMany(recipients);
    for (const person of people) {
      await platform().sendSubscribeMessage({
        toOpenid: person._id,
        template: TEMPLATE[event.action]!,
        page: pageFor(isStaff(person.roles) && person._id !== doc.beneficiaryId, doc._id),
        data: {
          thing1: clip(doc.what),
          phrase2: WISH_STATUS_LABELS[event.to],
          time3: dayjs(event.at).tz().format('YYYY-MM-DD HH:mm'),
          thing4: clip(event.note ?? NOTE[event.action] ?? ''),
        },
      });
    }
  } catch (error) {
    console.error(`[wishes] notification failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
