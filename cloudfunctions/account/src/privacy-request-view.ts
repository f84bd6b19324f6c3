import type { PrivacyRequest, PrivacyRequestForAdmin } from '@linli/types/entities/privacy';
import { maskPhone } from '../../_shared/domain/masking';
import { isOverdue } from '../../_shared/domain/privacy-requests';
import { normaliseRoles } from '../../_shared/domain/roles';
import type { PrivacyRequestDoc } from '../../_shared/repositories/privacy-requests';
import type { UserDoc } from '../../_shared/repositories/users';

/** A deletion request as its maker sees it. */
export function toPrivacyRequest(doc: PrivacyRequestDoc): PrivacyRequest {
  return {
    id: doc._id,
    kind: doc.kind,
    status: doc.status,
    requestedAt: doc.requestedAt.toISOString(),
    dueAt: doc.dueAt.toISOString(),
    ...(doc.reason ? { reason: doc.reason } : {}),
    ...(doc.handledAt ? { handledAt: doc.handledAt.toISOString() } : {}),
    ...(doc.note ? { note: doc.note } : {}),
    ...(doc.outcome ? { outcome: doc.outcome } : {}),
  };
}

/**
 * A request in the 站长's queue, with who asked as their profile has them (phone masked: the
 * 站长 needs to recognise the person, not to call them from the list). Null once deleted.
 */
export function toAdminRequest(doc: PrivacyRequestDoc, person: UserDoc | null, now: Date): PrivacyRequestForAdmin {
  return {
    ...toPrivacyRequest(doc),
    name: person?.name ?? null,
    phoneMasked: person?.phone ? maskPhone(person.phone) : null,
    roles: person ? normaliseRoles(person.roles) : [],
    overdue: isOverdue(doc, now),
  };
}
