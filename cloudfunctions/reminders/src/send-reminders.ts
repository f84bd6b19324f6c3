import type { SubscriptionTemplateKey } from '@linli/types/subscriptions';
import dayjs from '../../_shared/runtime/dayjs';
import { dueReminders, reminderKey, remindsAttendees, type ReminderKind } from '../../_shared/domain/reminders';
import { isSeries } from '../../_shared/domain/sessions';
import { platform } from '../../_shared/platform';
import { activitiesRepository, type ActivityDoc } from '../../_shared/repositories/activities';
import { attendanceRepository } from '../../_shared/repositories/attendance';
import { bookingsRepository } from '../../_shared/repositories/bookings';
import { remindersRepository } from '../../_shared/repositories/reminders';
import { PAGE_SIZE } from '../../_shared/repositories/sdk';
import { surveyAttachmentsRepository } from '../../_shared/repositories/survey-attachments';
import { surveyResponsesRepository } from '../../_shared/repositories/survey-responses';

const HOUR = 3600 * 1000;

/** Each kind has its own template: one acceptance allows one message (types/subscriptions.ts). */
export const TEMPLATE: Record<ReminderKind, SubscriptionTemplateKey> = {
  day_before: 'activity_reminder',
  feedback: 'feedback_invitation',
};
const NOTE: Record<ReminderKind, string> = {
  day_before: '明天见，请按时参加',
  feedback: '感谢参加，请填写意见表',
};

async function recipients(activity: ActivityDoc, kind: ReminderKind): Promise<string[]> {
  if (remindsAttendees(kind)) {
    // Everyone who came — at a 小组, to any of its sessions: each member answers the one form —
    // except those who have answered already (a paper form typed in by staff, say).
    const [attendance, answered] = await Promise.all([
      attendanceRepository.forActivity(activity._id),
      surveyResponsesRepository.marksForActivity(activity._id),
    ]);
    const done = new Set(answered.filter((m) => m.status === 'submitted').map((m) => m.personId));
    return [...new Set(attendance.filter((a) => !a.annulled && !done.has(a.personId)).map((a) => a.personId))];
  }
  return (await bookingsRepository.forActivity(activity._id))
    .filter((b) => b.status === 'confirmed')
    .map((b) => b.personId);
}

/** Which of these activities have a satisfaction form that is collecting answers. */
async function collectingForms(activityIds: readonly string[]): Promise<Set<string>> {
  const open = new Set<string>();
  for (let i = 0; i < activityIds.length; i += PAGE_SIZE) {
    const forms = await surveyAttachmentsRepository.findMany(activityIds.slice(i, i + PAGE_SIZE));
    for (const form of forms) if (form.status === 'open') open.add(form.activityId);
  }
  return open;
}

/** Every 10 minutes: the reminders that have come due since the last run, each sent once. */
export async function sendReminders(now: Date): Promise<Record<string, number>> {
  const activities = await activitiesRepository.startingOrEndingBetween(
    new Date(now.getTime() - 24 * HOUR),
    new Date(now.getTime() + 24 * HOUR),
  );
  // The invitation to the satisfaction form goes only where a form is collecting answers.
  const asking = await collectingForms(
    activities.filter((a) => dueReminders(a, now).some((d) => d.kind === 'feedback')).map((a) => a._id),
  );
  let sent = 0;
  let skipped = 0;
  for (const activity of activities) {
    for (const { kind, session } of dueReminders(activity, now)) {
      if (kind === 'feedback' && !asking.has(activity._id)) continue;
      for (const personId of await recipients(activity, kind)) {
        const key = reminderKey(activity._id, kind, session.index, personId);
        // Walk-ins have no WeChat account to message.
        if (
          personId.startsWith('walkin-') ||
          !(await remindersRepository.claim(key, { activityId: activity._id, kind, personId }, now))
        ) {
          skipped += 1;
          continue;
        }
        const page =
          kind === 'feedback'
            ? `pages/activity/index?id=${activity._id}&feedback=1`
            : `pages/activity/index?id=${activity._id}`;
        await platform().sendSubscribeMessage({
          toOpenid: personId,
          template: TEMPLATE[kind],
          page,
          data: {
            thing1: (isSeries(activity) ? `${activity.title}第${session.index}节` : activity.title).slice(0, 20),
            time2: dayjs(session.startAt).tz().format('YYYY-MM-DD HH:mm'),
            thing3: activity.place.slice(0, 20),
            thing4: NOTE[kind],
          },
        });
        sent += 1;
      }
    }
  }
  return { activities: activities.length, sent, skipped };
}
