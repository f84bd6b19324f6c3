import fc from 'fast-check';
import {
  issueSignInToken,
  MAX_TOKEN_LENGTH,
  secondsUntilRotation,
  SIGN_IN_MODES,
  signInWindow,
  tokenExpiresAt,
  verifySignInToken,
  WINDOW_SECONDS,
} from '../../../cloudfunctions/_shared/domain/signin-token';

const secret = 'test-secret-of-at-least-16-bytes';
const activityId = 'ActLecture';
const otherActivityId = 'ActDancing';
/** 10:00:15 China time: 15 s into a window, so ±30 s lands in the neighbouring windows. */
const now = new Date('2026-11-23T10:00:15+08:00');
const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);
const issue = (overrides: Partial<Parameters<typeof issueSignInToken>[0]> = {}) =>
  issueSignInToken({ secret, mode: 'in', activityId, now, ...overrides });
const verify = (token: string, overrides: Partial<Parameters<typeof verifySignInToken>[0]> = {}) =>
  verifySignInToken({ secret, token, now, expectedActivityId: activityId, ...overrides });

/** WeChat's `scene` alphabet for wxacode.getUnlimited. */
const SCENE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$&'()*+,/:;=?@-._~";
const fuzz = { seed: 20261123, numRuns: 200 };

describe('issue and verify', () => {
  it.each(SIGN_IN_MODES)('round-trips mode %s with its activity and window', (mode) => {
    expect(verify(issue({ mode }))).toEqual({ ok: true, mode, activityId, window: signInWindow(now) });
  });
  it('fits a mini-program code scene: at most 32 characters from its alphabet', () => {
    for (const mode of SIGN_IN_MODES) {
      const token = issue({ mode });
      expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
      expect([...token].every((c) => SCENE_CHARS.includes(c))).toBe(true);
    }
  });
  it('still fits in 2100, when window numbers have grown a digit', () => {
    expect(issue({ now: new Date('2100-01-01T00:00:00Z') }).length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
  });
  it('changes every window, so a photo of the screen is soon stale', () => {
    expect(issue({ now: at(WINDOW_SECONDS) })).not.toBe(issue());
  });
  it('refuses an activity id that is not a short id rather than making an unreadable token', () => {
    expect(() => issue({ activityId: 'act-1' })).toThrow(TypeError);
  });
  it('refuses a missing or short secret instead of signing with it', () => {
    expect(() => issue({ secret: '' })).toThrow(RangeError);
    expect(() => verify(issue(), { secret: 'short' })).toThrow(RangeError);
  });
});

describe('windows', () => {
  it('accepts the previous window: a code scanned just as the screen rotates', () => {
    expect(verify(issue(), { now: at(WINDOW_SECONDS) })).toMatchObject({ ok: true });
  });
  it('rejects a token two windows old as expired', () => {
    expect(verify(issue(), { now: at(2 * WINDOW_SECONDS) })).toEqual({ ok: false, problem: 'TOKEN_EXPIRED' });
  });
  it('rejects a code photographed yesterday', () => {
    expect(verify(issue(), { now: at(24 * 60 * 60) })).toEqual({ ok: false, problem: 'TOKEN_EXPIRED' });
  });
  it('rejects a token from the next window as from the future', () => {
    expect(verify(issue({ now: at(WINDOW_SECONDS) }))).toEqual({ ok: false, problem: 'TOKEN_FUTURE' });
  });
  it('says when a token stops working: the end of the window after its own', () => {
    const window = signInWindow(now);
    const expiresAt = tokenExpiresAt(window);
    expect(expiresAt.getTime()).toBe((window + 2) * WINDOW_SECONDS * 1000);
    expect(verify(issue(), { now: new Date(expiresAt.getTime() - 1) })).toMatchObject({ ok: true });
    expect(verify(issue(), { now: expiresAt })).toEqual({ ok: false, problem: 'TOKEN_EXPIRED' });
  });
  it('counts down to the next rotation in whole seconds, 30 at the start of a window', () => {
    expect(secondsUntilRotation(now)).toBe(15);
    expect(secondsUntilRotation(new Date('2026-11-23T10:00:00+08:00'))).toBe(30);
    expect(secondsUntilRotation(new Date('2026-11-23T10:00:29.001+08:00'))).toBe(1);
  });
});

describe('rejections', () => {
  it('rejects a token for another activity', () => {
    expect(verify(issue({ activityId: otherActivityId }))).toEqual({ ok: false, problem: 'TOKEN_WRONG_ACTIVITY' });
  });
  it('tells a person at the wrong activity so even if the code is also stale', () => {
    const stale = issue({ activityId: otherActivityId, now: at(-300) });
    expect(verify(stale)).toEqual({ ok: false, problem: 'TOKEN_WRONG_ACTIVITY' });
  });
  it('accepts any activity when the caller expects none', () => {
    expect(verify(issue({ activityId: otherActivityId }), { expectedActivityId: undefined })).toMatchObject({
      ok: true,
      activityId: otherActivityId,
    });
  });
  it('rejects a token signed with another secret as invalid', () => {
    expect(verify(issue({ secret: 'another-secret-of-16-bytes-or-more' }))).toEqual({
      ok: false,
      problem: 'TOKEN_INVALID',
    });
  });
  it('rejects a sign-in code relabelled as a sign-out code', () => {
    const token = issue({ mode: 'in' });
    expect(verify(`o${token.slice(1)}`)).toEqual({ ok: false, problem: 'TOKEN_INVALID' });
  });
  it('rejects a window spelled another way (upper case, leading zero) as malformed', () => {
    const token = issue();
    const window = signInWindow(now).toString(36);
    const mac = token.slice(-12);
    expect(verify(`i${activityId}${window.toUpperCase()}${mac}`)).toEqual({ ok: false, problem: 'TOKEN_MALFORMED' });
    expect(verify(`i${activityId}0${window}${mac}`)).toEqual({ ok: false, problem: 'TOKEN_MALFORMED' });
  });
  it('never accepts a token with any one character changed', () => {
    const token = issue();
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...SCENE_CHARS), (position, replacement) => {
        fc.pre(token[position] !== replacement);
        const tampered = token.slice(0, position) + replacement + token.slice(position + 1);
        expect(verify(tampered).ok).toBe(false);
      }),
      fuzz,
    );
  });
  it('never accepts a token cut short or extended', () => {
    const token = issue();
    fc.assert(
      fc.property(
        fc.nat({ max: token.length - 1 }),
        fc.string({ unit: fc.constantFrom(...SCENE_CHARS), minLength: 1, maxLength: 8 }),
        (keep, extra) => {
          expect(verify(token.slice(0, keep)).ok).toBe(false);
          expect(verify(token + extra).ok).toBe(false);
          expect(verify(extra + token).ok).toBe(false);
        },
      ),
      fuzz,
    );
  });
  it('answers garbage with TOKEN_MALFORMED or TOKEN_INVALID and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ maxLength: 40 })), (garbage) => {
        const check = verify(garbage);
        expect(check.ok).toBe(false);
        expect(['TOKEN_MALFORMED', 'TOKEN_INVALID']).toContain(!check.ok && check.problem);
      }),
      fuzz,
    );
  });
  it('answers well-shaped strings that were never issued with TOKEN_INVALID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[iovw][0-9A-Za-z]{10}[1-9a-z][0-9a-z]{4}[0-9A-Za-z_-]{12}$/), (forged) => {
        expect(verify(forged)).toEqual({ ok: false, problem: 'TOKEN_INVALID' });
      }),
      fuzz,
    );
  });
  it('answers empty, overlong and non-string input with TOKEN_MALFORMED', () => {
    expect(verify('')).toEqual({ ok: false, problem: 'TOKEN_MALFORMED' });
    expect(verify(`${issue()}${'a'.repeat(40)}`)).toEqual({ ok: false, problem: 'TOKEN_MALFORMED' });
    expect(verify(null as unknown as string)).toEqual({ ok: false, problem: 'TOKEN_MALFORMED' });
  });
});
