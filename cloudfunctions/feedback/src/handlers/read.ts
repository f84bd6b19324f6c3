import {
  awaitsReply,
  capacitiesOf,
  compareForInbox,
  maySeeComplaint,
  urgencyAt,
} from '../../../_shared/domain/complaints';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { auditLogRepository } from '../../../_shared/repositories/audit-log';
import { complaintsRepository, type ComplaintDoc } from '../../../_shared/repositories/complaints';
import type { UserDoc } from '../../../_shared/repositories/users';
import { actorOf, loadVisible } from '../access';
import { complaintView, summaryViews } from '../views';

export const READ_ACTION = 'complaint.read';
/** How many of a complaint's reads the 站长's view lists (the log itself keeps all). */
const READS_SHOWN = 20;
/** How many closed complaints the inbox shows (the rest stay in the records and the indicators). */
const CLOSED_SHOWN = 50;

/** The caller's own feedback, newest first: status, whether replied, the text's start. */
export const mine = defineAction('feedback', 'mine', {
  access: 'registered',
  scope: 'self',
  writes: false,
  async handle(_input, { caller, now }) {
    return { items: await summaryViews(await complaintsRepository.ofSender(caller._id), caller, now) };
  },
});

/**
 * One complaint in full, for its sender and its handling staff. A staff member's read is
 * recorded in the audit log before the answer goes out (who, which, when); the 站长 sees the
 * latest reads in the view. The sender reading their own is not logged.
 */
export const get = defineAction('feedback', 'get', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: false,
  reveals: ['phone'],
  async handle({ complaintId }, { caller, now }) {
    const { doc, capacities } = await loadVisible(complaintId, caller);
    const staffRead = !capacities.sender;
    if (staffRead) {
      await auditLogRepository.record({
        action: READ_ACTION,
        actorId: caller._id,
        stationId: doc.stationId,
        objectId: doc._id,
        at: now,
      });
    }
    const reads = capacities.overseer
      ? (await auditLogRepository.about(doc._id, READ_ACTION, READS_SHOWN)).map((r) => ({ by: r.actorId, at: r.at }))
      : null;
    return complaintView(doc, caller, now, reads);
  },
});

/** The station's complaints this staff member may see, from the open (or recently closed) ones. */
async function visibleToStaff(
  caller: UserDoc,
  scope: 'mine' | 'station',
  state: 'open' | 'closed',
): Promise<ComplaintDoc[]> {
  const handlerId = scope === 'mine' ? caller._id : undefined;
  const docs =
    state === 'open'
      ? await complaintsRepository.openOfStation(caller.stationId, handlerId)
      : await complaintsRepository.recentlyClosed(caller.stationId, CLOSED_SHOWN, handlerId);
  const actor = actorOf(caller);
  return docs.filter((doc) => maySeeComplaint(capacitiesOf(doc, actor)));
}

/**
 * The handling staff's list, earliest due first (overdue ones therefore on top), then the
 * replied ones awaiting closure. Due and overdue are computed now, from the stored due time.
 * A social worker sees what is assigned to them; the 站长 may see the whole station's (except
 * complaints about themselves).
 */
export const inbox = defineAction('feedback', 'inbox', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ scope, state }, { caller, now }) {
    if (scope === 'station' && !caller.roles.includes('admin')) {
      throw new AppError('FORBIDDEN', '只有站长可以查看全站的反馈');
    }
    const docs = (await visibleToStaff(caller, scope, state)).sort(compareForInbox);
    return { items: await summaryViews(docs, caller, now) };
  },
});

/**
 * The workbench badge: what is assigned to the caller and owed a reply, how much of it is due
 * within 12 hours or overdue; for a 站长, the station's overdue complaints too. One read.
 */
export const summary = defineAction('feedback', 'summary', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle(_input, { caller, now }) {
    const admin = caller.roles.includes('admin');
    const docs = await visibleToStaff(caller, admin ? 'station' : 'mine', 'open');
    const owed = docs.filter((doc) => awaitsReply(doc.status));
    const mineOwed = owed.filter((doc) => doc.handlerId === caller._id);
    const count = (list: ComplaintDoc[], urgency: 'due_soon' | 'overdue') =>
      list.filter((doc) => urgencyAt(doc, now) === urgency).length;
    return {
      awaiting: mineOwed.length,
      dueSoon: count(mineOwed, 'due_soon'),
      overdue: count(mineOwed, 'overdue'),
      stationOverdue: admin ? count(owed, 'overdue') : null,
    };
  },
});
