import { handlerPool, pickHandler } from '../../_shared/domain/complaints';
import { countersRepository } from '../../_shared/repositories/counters';
import { usersRepository } from '../../_shared/repositories/users';

/**
 * The handler of a new complaint (domain/complaints.ts handlerPool: about a staff member → the
 * 站长; otherwise the social workers in turn). The turn is a per-station counter, raised only
 * when there is more than one to choose from, so each submission moves the rotation on by one
 * however many people send at once. Null when the station has nobody who may handle it.
 */
export async function chooseHandler(
  stationId: string,
  complaint: { senderId: string; aboutStaffId?: string },
  now: Date,
): Promise<string | null> {
  const staff = await usersRepository.listStaff(stationId);
  const { route, pool } = handlerPool(
    staff.map((s) => ({ id: s._id, roles: s.roles })),
    complaint,
  );
  if (route === 'none') return null;
  if (route === 'admin' || pool.length === 1) return pool[0]!;
  return pickHandler(pool, await countersRepository.next(`complaint-rotation.${stationId}`, now));
}
