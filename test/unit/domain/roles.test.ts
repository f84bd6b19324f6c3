import { hasAnyRole, isStaff, normaliseRoles, rolesAfterMove } from '../../../cloudfunctions/_shared/domain/roles';

describe('roles', () => {
  it('treats social workers and admins as staff, nobody else', () => {
    expect(isStaff(['resident', 'volunteer'])).toBe(false);
    expect(isStaff(['resident', 'social_worker'])).toBe(true);
    expect(isStaff(['admin'])).toBe(true);
  });
  it('matches any of the wanted roles', () => {
    expect(hasAnyRole(['resident'], ['admin', 'social_worker'])).toBe(false);
    expect(hasAnyRole(['resident', 'admin'], ['admin'])).toBe(true);
  });
  it('orders roles and removes duplicates', () => {
    expect(normaliseRoles(['admin', 'resident', 'admin', 'social_worker'])).toEqual([
      'resident',
      'social_worker',
      'admin',
    ]);
  });
});

describe('rolesAfterMove', () => {
  it('drops the volunteer role on a move of station, and nothing else', () => {
    expect(rolesAfterMove(['resident', 'volunteer'], true)).toEqual(['resident']);
    expect(rolesAfterMove(['resident', 'volunteer'], false)).toEqual(['resident', 'volunteer']);
  });
});
