import Taro from '@tarojs/taro';
import { isH5 } from './platform';

/**
 * The subscription templates a booking asks for: the reminder the day before, the one shortly
 * before the start, and the invitation to the satisfaction form after it (the `reminders`
 * function sends all three). A one-time subscription lets the station send ONE message per
 * template, so each reminder has its own template — three, the most one prompt may ask for.
 * Template ids are per mini-program, so they come from the build (`TARO_APP_TEMPLATE_*` in
 * .env.*); written out in full because the build replaces each `process.env.TARO_APP_…` literally.
 */
export function bookingTemplateIds(): string[] {
  return [
    process.env.TARO_APP_TEMPLATE_ACTIVITY_REMINDER,
    process.env.TARO_APP_TEMPLATE_ACTIVITY_STARTING,
    process.env.TARO_APP_TEMPLATE_FEEDBACK_INVITATION,
  ]
    .map((id) => id?.trim() ?? '')
    .filter((id) => id.length > 0);
}

/**
 * The templates a wish's submitter is asked to accept as they send it: published, claimed,
 * delivered — the steps they wait for (the `wishes` function sends them; docs/wishes.md).
 * Written out in full for the build, like the booking's.
 */
export function wishTemplateIds(): string[] {
  return [
    process.env.TARO_APP_TEMPLATE_WISH_PUBLISHED,
    process.env.TARO_APP_TEMPLATE_WISH_CLAIMED,
    process.env.TARO_APP_TEMPLATE_WISH_FULFILLED,
  ]
    .map((id) => id?.trim() ?? '')
    .filter((id) => id.length > 0);
}

/**
 * Asks the person whether the station may send them these messages. WeChat shows the dialog
 * only when this is called from a tap, so call it at the start of the tap handler, before
 * anything is awaited. Never throws: a refusal, a dismissed dialog or an old WeChat must not
 * stand between a resident and their booking. Skipped on H5 and when no template is configured.
 */
export async function askForReminders(tmplIds: string[] = bookingTemplateIds()): Promise<void> {
  if (isH5() || tmplIds.length === 0) return;
  try {
    // The typings make `entityIds` (Alipay's) required next to WeChat's `tmplIds`.
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused or unavailable: reminders for this booking are simply not sent.
  }
}
