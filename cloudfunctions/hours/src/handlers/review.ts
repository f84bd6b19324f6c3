import { DEFAULT_MESSAGES, type ErrorCode } from '@linli/types/errors';
import {
  decideApproval,
  decideRejection,
  type HourApprovalProblem,
  type HourRejectionProblem,
} from '../../../_shared/domain/hour-entries';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { hourEntriesRepository, toHourEntry, type HourEntryDoc } from '../../../_shared/repositories/hour-entries';
import type { UserDoc } from '../../../_shared/repositories/users';
import { actorOf, entryView, entryViews, loadStationEntry, RACE_RETRIES } from '../entries';

/**
 * The station's to-do: entries awaiting review — flagged ones (no sign-out, times outside the
 * activity) first, since they need a correction before anyone can approve them — and entries
 * whose volunteer asked for a correction nobody has answered. Oldest first within each group.
 */
export const pending = defineAction('hours', 'pending', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    const [awaiting, requests] = await Promise.all([
      hourEntriesRepository.pendingOfStation(caller.stationId, activityId),
      hourEntriesRepository.openCorrectionRequests(caller.stationId, activityId),
    ]);
    const byId = new Map([...awaiting, ...requests].map((d) => [d._id, d]));
    const rank = (d: HourEntryDoc): number => (d.flag ? 0 : d.correctionRequest?.answer === 'open' ? 1 : 2);
    const items = [...byId.values()].sort(
      (a, b) => rank(a) - rank(b) || a.servedAt.getTime() - b.servedAt.getTime() || (a._id < b._id ? -1 : 1),
    );
    return { items: await entryViews(items, caller) };
  },
});

type ApprovalResult =
  | { outcome: 'approved' | 'already_approved' }
  | { outcome: 'refused'; code: ErrorCode; message: string };

const refused = (code: ErrorCode, message: string = DEFAULT_MESSAGES[code]): ApprovalResult => ({
  outcome: 'refused',
  code,
  message,
});

/** How many entries of one batch are written at once: quick for 200, gentle on the database. */
const APPROVAL_CONCURRENCY = 8;

/**
 * Approves many entries, answering per entry. Each approval is decided by the pure rules on the
 * version read, then written with one update conditional on that version still being pending:
 * of two people approving at once one writes, the other reads again and answers "already
 * approved". Approving twice changes nothing.
 */
export const approve = defineAction('hours', 'approve', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ entryIds }, { caller, now }) {
    const ids = [...new Set(entryIds)];
    const docs = new Map((await hourEntriesRepository.findMany(ids)).map((d) => [d._id, d]));
    const results = new Map<string, ApprovalResult>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++]!;
        results.set(id, await approveOne(docs.get(id) ?? null, caller, now));
      }
    };
    await Promise.all(Array.from({ length: Math.min(APPROVAL_CONCURRENCY, ids.length) }, worker));
    return { results: ids.map((entryId) => ({ entryId, ...results.get(entryId)! })) };
  },
});

async function approveOne(found: HourEntryDoc | null, caller: UserDoc, now: Date): Promise<ApprovalResult> {
  let doc = found;
  for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
    if (!doc || doc.stationId !== caller.stationId) return refused('NOT_FOUND', '未找到该时长记录');
    if (doc.flag && doc.status === 'pending') return refused('ENTRY_FLAGGED');
    const decision = decideApproval(toHourEntry(doc), actorOf(caller), now);
    if (!decision.ok) return refused(...approvalProblem(decision.problem, doc));
    if (!decision.changed) return { outcome: 'already_approved' };
    if (await hourEntriesRepository.review(doc, decision.entry, now)) return { outcome: 'approved' };
    doc = await hourEntriesRepository.findById(doc._id);
  }
  return refused('CONFLICT');
}

function approvalProblem(problem: HourApprovalProblem | HourRejectionProblem, doc: HourEntryDoc): [ErrorCode, string] {
  switch (problem) {
    case 'NOT_STAFF':
      return ['FORBIDDEN', DEFAULT_MESSAGES.FORBIDDEN];
    case 'SELF_APPROVAL':
      return ['SELF_APPROVAL', DEFAULT_MESSAGES.SELF_APPROVAL];
    case 'REASON_REQUIRED':
      return ['INVALID_INPUT', '请填写原因'];
    case 'NOT_PENDING':
      return [
        'NOT_PENDING',
        doc.status === 'superseded' ? '这条记录已被更正，请处理最新的版本' : DEFAULT_MESSAGES.NOT_PENDING,
      ];
  }
}

/**
 * Rejects one pending entry with a reason the volunteer reads. One conditional update, as
 * approvals; rejecting again changes nothing. A flagged entry may be rejected (nobody served).
 */
export const reject = defineAction('hours', 'reject', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ entryId, reason }, { caller, now }) {
    let doc = await loadStationEntry(entryId, caller);
    for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
      const decision = decideRejection(toHourEntry(doc), actorOf(caller), reason, now);
      if (!decision.ok) throw new AppError(...approvalProblem(decision.problem, doc));
      if (!decision.changed) return entryView(doc, caller);
      const rejected = { ...doc, status: decision.entry.status, history: decision.entry.history, updatedAt: now };
      if (await hourEntriesRepository.review(doc, decision.entry, now)) return entryView(rejected, caller);
      doc = await loadStationEntry(entryId, caller);
    }
    throw new AppError('CONFLICT');
  },
});
