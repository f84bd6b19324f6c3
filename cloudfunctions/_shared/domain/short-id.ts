/**
 * Short ids for records whose id travels in a QR code or a link (activities first): the sign-in
 * token (signin-token.ts) carries the activity id inside WeChat's 32-character `scene`, so the id
 * must be short and use only characters every QR path keeps as they are.
 *
 * Base62 (digits, upper and lower case letters): no character needs escaping in a URL, a
 * `scene` or a file name. 10 characters = 62^10 ≈ 8.4e17 ids (≈ 59.5 bits); among a million
 * activities the chance that two share an id is about 6e-7, and the insert's unique `_id`
 * catches that case anyway (the caller draws again). If the length changes, signin-token.ts's
 * token layout changes with it.
 */

export const SHORT_ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const SHORT_ID_LENGTH = 10;

/**
 * Bytes at or above this are thrown away: 248 = 4 × 62 is the largest multiple of 62 a byte can
 * reach, so `byte % 62` over the kept bytes hits every character exactly four times. Plain
 * modulo over all 256 values would make the first 8 characters 5/4 as likely as the others.
 */
const UNBIASED_BYTE_LIMIT = 256 - (256 % SHORT_ID_ALPHABET.length);

/**
 * How many random bytes to pass for an id of `length` characters. One byte in 32 is rejected, so
 * twice the length runs short less than once in 10^11 draws (then `shortIdFromBytes` throws and
 * the caller draws again).
 */
export const shortIdBytesNeeded = (length: number = SHORT_ID_LENGTH): number => 2 * length;

/**
 * Turns random bytes (from `crypto.randomBytes(shortIdBytesNeeded())`) into a base62 id by
 * rejection sampling, so every id is equally likely. Throws if the bytes run out first rather
 * than returning a shorter or biased id.
 */
export function shortIdFromBytes(bytes: Uint8Array, length: number = SHORT_ID_LENGTH): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('short id length must be a positive integer');
  let id = '';
  for (const byte of bytes) {
    if (byte >= UNBIASED_BYTE_LIMIT) continue;
    id += SHORT_ID_ALPHABET[byte % SHORT_ID_ALPHABET.length];
    if (id.length === length) return id;
  }
  throw new RangeError(`not enough random bytes for a ${length}-character id; pass ${shortIdBytesNeeded(length)}`);
}

const SHORT_ID_PATTERN = /^[0-9A-Za-z]+$/;

/** Whether a value (e.g. from a scanned code or a request) has the shape of a short id. */
export function isShortId(value: unknown, length: number = SHORT_ID_LENGTH): value is string {
  return typeof value === 'string' && value.length === length && SHORT_ID_PATTERN.test(value);
}
