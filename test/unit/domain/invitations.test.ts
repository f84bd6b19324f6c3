import {
  INVITATION_TTL_MS,
  invitationCodeFromBytes,
  invitationProblem,
  rolesAfterRedeem,
} from '../../../cloudfunctions/_shared/domain/invitations';

const now = new Date('2026-11-23T10:00:00+08:00');
const valid = {
  stationId: 'st1',
  role: 'social_worker' as const,
  expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
};

describe('invitationCodeFromBytes', () => {
  it('makes 8 characters without look-alikes (0 O 1 I L)', () => {
    const code = invitationCodeFromBytes(Uint8Array.from([0, 1, 2, 3, 250, 251, 252, 255]));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });
  it('refuses too few random bytes rather than making a short code', () => {
    expect(() => invitationCodeFromBytes(new Uint8Array(4))).toThrow();
  });
});

describe('invitationProblem', () => {
  it('accepts an unused, unexpired invitation', () => {
    expect(invitationProblem(valid, now)).toBeNull();
  });
  it('rejects a missing invitation as invalid', () => {
    expect(invitationProblem(null, now)).toBe('INVITATION_INVALID');
  });
  it('rejects a used invitation', () => {
    expect(invitationProblem({ ...valid, usedBy: 'oX' }, now)).toBe('INVITATION_USED');
  });
  it('rejects an invitation at the instant it expires', () => {
    expect(invitationProblem({ ...valid, expiresAt: now }, now)).toBe('INVITATION_EXPIRED');
  });
});

describe('rolesAfterRedeem', () => {
  it('makes a resident a social worker of the station', () => {
    expect(rolesAfterRedeem(['resident'], 'st1', valid)).toEqual(['resident', 'social_worker']);
  });
  it('gives an admin invitation both admin and social worker', () => {
    expect(rolesAfterRedeem(['resident'], 'st1', { ...valid, role: 'admin' })).toEqual([
      'resident',
      'social_worker',
      'admin',
    ]);
  });
  it('drops staff roles held at another station but keeps volunteer', () => {
    expect(rolesAfterRedeem(['resident', 'volunteer', 'social_worker', 'admin'], 'st0', valid)).toEqual([
      'resident',
      'volunteer',
      'social_worker',
    ]);
  });
  it('keeps admin when a director of the same station redeems a social-worker code', () => {
    expect(rolesAfterRedeem(['resident', 'social_worker', 'admin'], 'st1', valid)).toEqual([
      'resident',
      'social_worker',
      'admin',
    ]);
  });
});
