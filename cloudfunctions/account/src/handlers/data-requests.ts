import { randomBytes } from 'node:crypto';
import { pseudonymFrom } from '../../../_shared/domain/erasure';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../../_shared/domain/short-id';
import { personalDataRepository } from '../../../_shared/repositories/personal-data';
import { privacyRequestsRepository, type PrivacyRequestDoc } from '../../../_shared/repositories/privacy-requests';
import { usersRepository } from '../../../_shared/repositories/users';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { toAdminRequest } from '../privacy-request-view';

/**
 * The 站长's queue of deletion requests (工作台 → 个人信息请求; docs/privacy.md "Requests"). A
 * request is answered within 15 working days: carried out, or declined with the reason.
 */

export const dataRequests = defineAction('account', 'dataRequests', {
  access: ['admin'],
  scope: 'station',
  writes: false,
  async handle({ status }, { caller, now }) {
    const docs = await privacyRequestsRepository.ofStation(caller.stationId, status === 'pending');
    const people = await usersRepository.findMany([
      ...new Set(docs.flatMap((d) => (d.subjectId ? [d.subjectId] : []))),
    ]);
    const byId = new Map(people.map((p) => [p._id, p]));
    return { items: docs.map((d) => toAdminRequest(d, d.subjectId ? (byId.get(d.subjectId) ?? null) : null, now)) };
  },
});

/** Another station's request, or none: the same answer, so ids reveal nothing. */
async function requestOfStation(id: string, stationId: string): Promise<PrivacyRequestDoc> {
  const doc = await privacyRequestsRepository.findById(id);
  if (!doc || doc.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该申请');
  return doc;
}

/**
 * Carries a deletion out (personal data deleted or unlinked: domain/erasure.ts) or declines it.
 * Safe to repeat: a deletion that stopped half way continues with the same pseudonym, and a
 * request already answered is NOT_PENDING (a retried call with its requestId gets the first
 * answer from the dispatcher instead).
 */
export const handleDataRequest = defineAction('account', 'handleDataRequest', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ requestId, decision, note }, { openid, caller, now }) {
    const doc = await requestOfStation(requestId, caller.stationId);
    if (doc.status !== 'pending') throw new AppError('NOT_PENDING', '该申请已处理过，请刷新后查看');

    if (decision === 'decline') {
      if (!(await privacyRequestsRepository.close(doc, { status: 'declined', by: openid, at: now, note }))) {
        throw new AppError('NOT_PENDING', '该申请已处理过，请刷新后查看');
      }
      const person = doc.subjectId ? await usersRepository.findByOpenid(doc.subjectId) : null;
      return toAdminRequest({ ...doc, status: 'declined', handledBy: openid, handledAt: now, note }, person, now);
    }

    if (!doc.subjectId) {
      console.error('[account.handleDataRequest] a pending request without its subject');
      throw new AppError('INTERNAL');
    }
    const pseudonym = await privacyRequestsRepository.startErasure(
      doc,
      pseudonymFrom(shortIdFromBytes(randomBytes(shortIdBytesNeeded()))),
    );
    const outcome = await personalDataRepository.erase(doc.subjectId, pseudonym, now, [doc._id]);
    await privacyRequestsRepository.close(doc, { status: 'completed', by: openid, at: now, note, outcome });
    const closed = await privacyRequestsRepository.findById(doc._id);
    if (!closed) throw new AppError('INTERNAL');
    return toAdminRequest(closed, null, now);
  },
});
