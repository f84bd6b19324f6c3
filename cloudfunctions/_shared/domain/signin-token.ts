import { createHmac, timingSafeEqual } from 'node:crypto';
import { isShortId, SHORT_ID_LENGTH } from './short-id';

/**
 * Rotating sign-in tokens: the staff screen shows a QR code that changes every 30 seconds; a
 * resident or volunteer scans it on the spot. The token proves "this code was on the screen of
 * this activity a moment ago": a photo of it sent to a friend at home stops working within a
 * minute, and nobody can make one without the server secret.
 *
 * Layout (no separators; every part but the window has a fixed length):
 *
 *     i  AbCdEfGhIj  ufd2k  Xy3_-Zq8Lw0a
 *     │  │           │      └ MAC: 12 base64url characters (72 bits of HMAC-SHA256)
 *     │  │           └ window number, base36, 5–7 characters
 *     │  └ activity short id, 10 base62 characters (short-id.ts)
 *     └ mode, one character
 *
 * 28–30 characters in all, every one of them in WeChat's `scene` alphabet
 * `[0-9A-Za-z!#$&'()*+,/:;=?@-._~]` (≤ 32 characters), so the same token goes into a
 * `wxacode.getUnlimited` code and into a plain QR for H5. Window numbers grow from 5 to 6 base36
 * digits in June 2027 and to 7 in the year 4039.
 *
 * What must change together: the staff screen refreshes at `secondsUntilRotation`; the code
 * cache (one wxacode per activity, mode and window) is keyed by `signInWindow`; the check-in
 * function calls `verifySignInToken` and maps each problem to an error code.
 */

export type SignInMode = 'in' | 'out' | 'volunteer_in' | 'volunteer_out';

export const SIGN_IN_MODES: readonly SignInMode[] = ['in', 'out', 'volunteer_in', 'volunteer_out'];

/** Why a scanned token is refused. Closed: clients switch on these. */
export type SignInTokenProblem =
  | 'TOKEN_MALFORMED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_FUTURE'
  | 'TOKEN_WRONG_ACTIVITY';

export type SignInTokenCheck =
  | { ok: true; mode: SignInMode; activityId: string; window: number }
  | { ok: false; problem: SignInTokenProblem };

/** How long one code stays on the screen. A token is accepted for at most two windows (≤ 60 s). */
export const WINDOW_SECONDS = 30;

/** WeChat's limit for a mini-program code's `scene`. */
export const MAX_TOKEN_LENGTH = 32;

/**
 * 12 base64url characters = 9 bytes = 72 bits of the MAC. Forging means guessing: each guess is
 * one call of the check-in function and is right with probability 2^-72 ≈ 2e-22. Even at
 * 100,000 calls a second for a whole year (far beyond the platform's limits and the database's
 * ~30 queries/s) that is 3e12 guesses, a success chance below 1e-9 — and a guessed token would
 * be good for one activity for under a minute. The full 256-bit MAC would not fit in `scene`.
 */
const MAC_LENGTH = 12;

/**
 * Mode letters: i(n), o(ut), v(olunteer in), w (the letter after v: volunteer out).
 * Changing a letter invalidates codes on screens for at most a minute.
 */
const MODE_CHAR: Record<SignInMode, string> = { in: 'i', out: 'o', volunteer_in: 'v', volunteer_out: 'w' };
const MODE_BY_CHAR = new Map<string, SignInMode>(SIGN_IN_MODES.map((mode) => [MODE_CHAR[mode], mode]));

/**
 * Strict shape: lowercase base36 without leading zeros, so each window has exactly one spelling
 * and changing any character of a token changes what the MAC covers.
 */
const TOKEN_PATTERN = new RegExp(
  `^([${[...MODE_BY_CHAR.keys()].join('')}])([0-9A-Za-z]{${SHORT_ID_LENGTH}})(0|[1-9a-z][0-9a-z]*)([0-9A-Za-z_-]{${MAC_LENGTH}})$`,
);

/**
 * A missing or placeholder secret would let anyone mint tokens, so refuse it loudly instead of
 * signing with it. 16 bytes is the least that resists guessing the key itself.
 */
const MIN_SECRET_BYTES = 16;

/** The 30-second window `now` falls in. Also the cache key for a generated code. */
export function signInWindow(now: Date): number {
  return Math.floor(now.getTime() / (WINDOW_SECONDS * 1000));
}

/** When a token of this window stops being accepted: the end of the window after it. */
export function tokenExpiresAt(window: number): Date {
  return new Date((window + 2) * WINDOW_SECONDS * 1000);
}

/** Whole seconds (1–30) until the staff screen must show the next code. */
export function secondsUntilRotation(now: Date): number {
  const nextWindowStartsMs = (signInWindow(now) + 1) * WINDOW_SECONDS * 1000;
  return Math.ceil((nextWindowStartsMs - now.getTime()) / 1000);
}

/** Makes the token the staff screen shows during the window `now` falls in. */
export function issueSignInToken(args: { secret: string; mode: SignInMode; activityId: string; now: Date }): string {
  if (!isShortId(args.activityId)) throw new TypeError('activityId must be a short id');
  const window = signInWindow(args.now);
  const signature = mac(args.secret, args.mode, args.activityId, window);
  const token = `${MODE_CHAR[args.mode]}${args.activityId}${window.toString(36)}${signature}`;
  // Unreachable until window numbers need 10 base36 digits (a clock off by millions of years);
  // kept because a token WeChat refuses would fail far from its cause.
  if (token.length > MAX_TOKEN_LENGTH) throw new RangeError('sign-in token longer than a scene allows');
  return token;
}

/**
 * Decides whether a scanned token lets its holder sign in now. Never throws for any token
 * string; throws only for a missing or short secret, which is a deployment error.
 *
 * Checks in this order, and the order is the contract:
 * 1. shape → TOKEN_MALFORMED (not one of our codes: a different QR, a cut-off scan);
 * 2. MAC, compared in constant time → TOKEN_INVALID (tampered, or signed with another secret);
 *    nothing after this point trusts a part of the token that the MAC has not vouched for;
 * 3. activity → TOKEN_WRONG_ACTIVITY, before the time checks: someone at the wrong activity
 *    should be told so, not told to scan again;
 * 4. window: the current one and the one before it are accepted, so a code scanned as the screen
 *    rotates still works → TOKEN_EXPIRED if older, TOKEN_FUTURE if newer. Tokens are issued and
 *    checked by the server's clock, so a window ahead means a broken clock, not a slow phone.
 */
export function verifySignInToken(args: {
  secret: string;
  token: string;
  now: Date;
  expectedActivityId?: string;
}): SignInTokenCheck {
  const parts =
    typeof args.token === 'string' && args.token.length <= MAX_TOKEN_LENGTH && TOKEN_PATTERN.exec(args.token);
  if (!parts) return { ok: false, problem: 'TOKEN_MALFORMED' };
  const [, modeChar = '', activityId = '', windowText = '', givenMac = ''] = parts;
  const mode = MODE_BY_CHAR.get(modeChar);
  const window = parseInt(windowText, 36);
  if (!mode || !Number.isSafeInteger(window)) return { ok: false, problem: 'TOKEN_MALFORMED' };

  const expectedMac = Buffer.from(mac(args.secret, mode, activityId, window), 'latin1');
  if (!timingSafeEqual(expectedMac, Buffer.from(givenMac, 'latin1'))) return { ok: false, problem: 'TOKEN_INVALID' };

  if (args.expectedActivityId !== undefined && activityId !== args.expectedActivityId) {
    return { ok: false, problem: 'TOKEN_WRONG_ACTIVITY' };
  }
  const current = signInWindow(args.now);
  if (window > current) return { ok: false, problem: 'TOKEN_FUTURE' };
  if (window < current - 1) return { ok: false, problem: 'TOKEN_EXPIRED' };
  return { ok: true, mode, activityId, window };
}

/**
 * HMAC-SHA256 over a labelled message: the label keeps these MACs apart from anything else that
 * might one day be signed with the same secret. Mode and window are covered, so a sign-in code
 * cannot be replayed as a sign-out code or in another window.
 */
function mac(secret: string, mode: SignInMode, activityId: string, window: number): string {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new RangeError(`sign-in secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return createHmac('sha256', secret)
    .update(`linli-signin-v1|${mode}|${activityId}|${window}`)
    .digest('base64url')
    .slice(0, MAC_LENGTH);
}
