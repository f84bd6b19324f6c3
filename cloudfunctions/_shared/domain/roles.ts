import type { Role } from '@linli/types/entities/common';

export const STAFF_ROLES: readonly Role[] = ['social_worker', 'admin'];

export const isStaff = (roles: readonly Role[]): boolean => roles.some((r) => STAFF_ROLES.includes(r));

export const hasAnyRole = (roles: readonly Role[], wanted: readonly Role[]): boolean =>
  roles.some((r) => wanted.includes(r));

/** Roles in a stable order (resident first), without duplicates: what profiles show. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  const order: Role[] = ['resident', 'volunteer', 'social_worker', 'admin'];
  return order.filter((r) => roles.includes(r));
}

/**
 * A resident who moves to another station keeps being a resident, but not a volunteer: volunteer
 * registration is per station (its staff approved them and certify their hours), so they
 * register again at the new one.
 */
export function rolesAfterMove(roles: readonly Role[], moved: boolean): Role[] {
  return moved ? roles.filter((r) => r !== 'volunteer') : [...roles];
}
