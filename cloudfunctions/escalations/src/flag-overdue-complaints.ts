import { COMPLAINT_CATEGORY_LABELS } from '@linli/types/entities/complaint';
import type { SubscriptionTemplateKey } from '@linli/types/subscriptions';
import { capacitiesOf } from '../../_shared/domain/complaints';
import { platform } from '../../_shared/platform';
import dayjs from '../../_shared/runtime/dayjs';
import { complaintAlertsRepository } from '../../_shared/repositories/complaint-alerts';
import { complaintsRepository, type ComplaintDoc } from '../../_shared/repositories/complaints';
import { usersRepository, type UserDoc } from '../../_shared/repositories/users';

/** The 站长 accepts it in the complaints inbox (接收超时提醒; types/subscriptions.ts). */
export const TEMPLATE: Record<'overdue', SubscriptionTemplateKey> = { overdue: 'complaint_overdue' };

/** The page the message opens: the complaint in the staff subpackage. */
const complaintPage = (id: string): string => `subpackages/staff/pages/complaint/index?id=${id}`;

/**
 * Every 10 minutes: each complaint whose reply is overdue is flagged to its station's 站长 — one
 * subscription message per complaint, per due time, per 站长, claimed before sending so no run
 * (or two overlapping runs) sends it twice. A 站长 the complaint is about is not told (they may
 * not see it). The message names the category, the due time and the handler: never the text,
 * never the sender — WeChat shows it in a notification list anyone holding the phone can read.
 */
export async function flagOverdueComplaints(now: Date): Promise<Record<string, number>> {
  const overdue = await complaintsRepository.overdue(now);
  const admins = new Map<string, UserDoc[]>();
  const adminsOf = async (stationId: string): Promise<UserDoc[]> => {
    let list = admins.get(stationId);
    if (!list) {
      list = await usersRepository.listByRole(stationId, 'admin');
      admins.set(stationId, list);
    }
    return list;
  };
  const handlers = new Map(
    (await usersRepository.findMany([...new Set(overdue.flatMap((c) => (c.handlerId ? [c.handlerId] : [])))])).map(
      (u) => [u._id, u.name],
    ),
  );

  let sent = 0;
  let skipped = 0;
  for (const complaint of overdue) {
    for (const admin of await adminsOf(complaint.stationId)) {
      const mayBeTold = capacitiesOf(complaint, {
        id: admin._id,
        roles: admin.roles,
        stationId: admin.stationId,
      }).overseer;
      const key = `${complaint._id}.${complaint.dueAt.getTime()}.${admin._id}`;
      if (
        !mayBeTold ||
        !(await complaintAlertsRepository.claim(
          key,
          { complaintId: complaint._id, stationId: complaint.stationId, toOpenid: admin._id, dueAt: complaint.dueAt },
          now,
        ))
      ) {
        skipped += 1;
        continue;
      }
      await platform().sendSubscribeMessage({
        toOpenid: admin._id,
        template: TEMPLATE.overdue,
        page: complaintPage(complaint._id),
        data: messageData(complaint, complaint.handlerId ? (handlers.get(complaint.handlerId) ?? '') : ''),
      });
      sent += 1;
    }
  }
  return { overdue: overdue.length, sent, skipped };
}

function messageData(complaint: ComplaintDoc, handlerName: string): Record<string, string> {
  return {
    thing1: `${COMPLAINT_CATEGORY_LABELS[complaint.category]}超过2天未答复`.slice(0, 20),
    time2: dayjs(complaint.dueAt).tz().format('YYYY-MM-DD HH:mm'),
    thing3: (handlerName || '未指派').slice(0, 20),
    thing4: '请尽快跟进或改派',
  };
}
