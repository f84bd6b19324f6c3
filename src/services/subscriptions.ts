import Taro from '@tarojs/taro';
import { promptTemplates, type SubscriptionPrompt, type SubscriptionTemplateKey } from '@linli/types/subscriptions';
import { isH5 } from './platform';

/**
 * Template ids are per mini-program, so they come from the build (`TARO_APP_TEMPLATE_<KEY>` in
 * .env.*, the same ids as the functions' LINLI_TEMPLATE_<KEY>). Each is written out in full
 * because the build replaces every `process.env.TARO_APP_…` literally; the Record makes a
 * template added to types/subscriptions.ts without its id here a type error.
 */
const TEMPLATE_IDS: Record<SubscriptionTemplateKey, () => string | undefined> = {
  booking_promoted: () => process.env.TARO_APP_TEMPLATE_BOOKING_PROMOTED,
  activity_changed: () => process.env.TARO_APP_TEMPLATE_ACTIVITY_CHANGED,
  activity_reminder: () => process.env.TARO_APP_TEMPLATE_ACTIVITY_REMINDER,
  feedback_invitation: () => process.env.TARO_APP_TEMPLATE_FEEDBACK_INVITATION,
  wish_reviewed: () => process.env.TARO_APP_TEMPLATE_WISH_REVIEWED,
  wish_claimed: () => process.env.TARO_APP_TEMPLATE_WISH_CLAIMED,
  wish_fulfilled: () => process.env.TARO_APP_TEMPLATE_WISH_FULFILLED,
  complaint_overdue: () => process.env.TARO_APP_TEMPLATE_COMPLAINT_OVERDUE,
};

/**
 * The ids one tap asks for — its templates in types/subscriptions.ts, those the build configures.
 * 报名 asks for the change notice, the day-before reminder and the satisfaction form; 加入候补 for
 * the promotion, the change notice and the reminder; 提交心愿 for the review's outcome, the claim
 * and the delivery; the 站长's inbox for the overdue alert.
 */
export function templateIdsFor(prompt: SubscriptionPrompt): string[] {
  return promptTemplates(prompt)
    .map((key) => TEMPLATE_IDS[key]()?.trim() ?? '')
    .filter((id) => id.length > 0);
}

/** Whether this tap would show a dialog at all (WeChat, and a template configured). */
export const canAskFor = (prompt: SubscriptionPrompt): boolean => !isH5() && templateIdsFor(prompt).length > 0;

/**
 * Asks the person whether the station may send them the messages this tap's step brings. WeChat
 * shows the dialog only when this is called from a tap, so call it at the start of the tap
 * handler, before anything is awaited. Never throws: a refusal, a dismissed dialog or an old
 * WeChat must not stand between a resident and their booking. Skipped on H5 and when no template
 * is configured.
 */
export async function askToSubscribe(prompt: SubscriptionPrompt): Promise<void> {
  if (!canAskFor(prompt)) return;
  try {
    // The typings make `entityIds` (Alipay's) required next to WeChat's `tmplIds`.
    await Taro.requestSubscribeMessage({ tmplIds: templateIdsFor(prompt) } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused or unavailable: those messages are simply not delivered.
  }
}
