import { capacitiesOf, maySeeComplaint, type Capacities, type ComplaintActor } from '../../_shared/domain/complaints';
import { AppError } from '../../_shared/runtime/app-error';
import { complaintsRepository, type ComplaintDoc } from '../../_shared/repositories/complaints';
import type { UserDoc } from '../../_shared/repositories/users';

/** The caller as the pure rules see them. */
export const actorOf = (caller: UserDoc): ComplaintActor => ({
  id: caller._id,
  roles: caller.roles,
  stationId: caller.stationId,
});

export const NOT_FOUND_MESSAGE = '未找到这条反馈';

/**
 * A complaint the caller may see, with the capacities they see it in. Anything else — another
 * station's, one about the caller, one assigned to a colleague, an id that does not exist — is
 * answered the same way, so ids reveal nothing.
 */
export async function loadVisible(
  complaintId: string,
  caller: UserDoc,
): Promise<{ doc: ComplaintDoc; capacities: Capacities }> {
  const doc = await complaintsRepository.findById(complaintId);
  const capacities = doc ? capacitiesOf(doc, actorOf(caller)) : null;
  if (!doc || !capacities || !maySeeComplaint(capacities)) throw new AppError('NOT_FOUND', NOT_FOUND_MESSAGE);
  return { doc, capacities };
}

/** How many times a step is decided again after losing a race, before answering CONFLICT. */
export const RACE_RETRIES = 3;
