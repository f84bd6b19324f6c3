import { decideReapplication, decideRegistrationReview } from '../../_shared/domain/volunteer-registration';
import { AppError } from '../../_shared/runtime/app-error';
import { usersRepository, type UserDoc } from '../../_shared/repositories/users';
import {
  volunteersRepository,
  type VolunteerApplication,
  type VolunteerDoc,
} from '../../_shared/repositories/volunteers';

/** Re-reads and decides again after losing a race; two rounds settle any real contention. */
const ATTEMPTS = 3;

/**
 * A person applies to volunteer at their station: a first application, a renewed one after a
 * rejection (back to pending, for a fresh review), or — when they moved — a new one at the new
 * station. Applying again while pending changes nothing (a retry); an approved volunteer is
 * already registered. Every write is conditional on what was read, so a review racing the
 * application is never silently overwritten: the loser reads again and decides again.
 */
export async function applyAsVolunteer(
  caller: UserDoc,
  application: VolunteerApplication,
  now: Date,
): Promise<VolunteerDoc> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const existing = await volunteersRepository.find(caller._id);
    if (!existing) {
      const doc: VolunteerDoc = {
        _id: caller._id,
        ...application,
        consentAt: now,
        status: 'pending',
        appliedAt: now,
        core: false,
        updatedAt: now,
      };
      if (await volunteersRepository.insert(doc)) return doc;
      continue; // a concurrent first application won: decide on it
    }
    if (existing.stationId === application.stationId) {
      const decision = decideReapplication(existing);
      if (!decision.ok) throw new AppError('ALREADY_REGISTERED');
      if (!decision.changed) return existing;
    }
    if (await volunteersRepository.reapply(existing, application, now)) {
      const renewed = await volunteersRepository.find(caller._id);
      if (renewed) return renewed;
    }
  }
  throw new AppError('CONFLICT', '登记信息刚被修改，请刷新后再试');
}

/**
 * Staff review a registration of their station. The update is conditional on the application
 * still pending (and still the one read), so of two staff deciding at once one decision stands:
 * the other reads it and gets "already decided" (the same decision: no change) or NOT_PENDING.
 * Approval adds the role 'volunteer' to the person's profile; approving again repairs a role
 * that a crash between the two writes left out, and otherwise writes nothing.
 */
export async function reviewRegistration(
  reviewer: UserDoc,
  registration: VolunteerDoc,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  now: Date,
): Promise<VolunteerDoc> {
  let current = registration;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const review = decideRegistrationReview(
      current,
      { id: reviewer._id, roles: reviewer.roles },
      decision,
      reason,
      now,
    );
    if (!review.ok) throw reviewProblem(review.problem, current);
    if (!review.changed) return settleRole(current, now);
    if (await volunteersRepository.review(current, review.next)) {
      const { reason: _oldReason, ...rest } = current;
      const decided: VolunteerDoc = {
        ...rest,
        ...review.next,
        ...(review.next.status === 'approved' ? { approvedAt: review.next.reviewedAt } : {}),
        updatedAt: now,
      };
      return settleRole(decided, now);
    }
    const reread = await volunteersRepository.find(current._id);
    if (!reread || reread.stationId !== current.stationId) throw new AppError('NOT_FOUND', '未找到该志愿者');
    current = reread;
  }
  throw new AppError('CONFLICT', '该登记刚被修改，请刷新后再审核');
}

async function settleRole(doc: VolunteerDoc, now: Date): Promise<VolunteerDoc> {
  if (doc.status === 'approved') await usersRepository.addRole(doc._id, 'volunteer', now);
  return doc;
}

function reviewProblem(problem: 'NOT_PENDING' | 'REASON_REQUIRED' | 'NOT_STAFF', current: VolunteerDoc): AppError {
  if (problem === 'REASON_REQUIRED') {
    return new AppError('INVALID_INPUT', '不通过时请说明原因，申请人会看到', [
      { path: 'reason', message: '请填写不通过的原因' },
    ]);
  }
  if (problem === 'NOT_PENDING') {
    const decided = current.status === 'approved' ? '已通过' : '未通过';
    return new AppError('NOT_PENDING', `该登记已审核（${decided}），请刷新后查看`);
  }
  return new AppError('FORBIDDEN', '只有社工和站长可以审核志愿者登记');
}
