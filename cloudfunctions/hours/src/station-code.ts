import { createHash } from 'node:crypto';

/** Crockford's base32 (no I, L, O, U): read back from paper the same way it was printed. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The station's short code in certificate numbers (LL-<code>-2026-000123; 2–8 capital letters or
 * digits, domain/volunteer-certificate.ts). Derived from the station id, so it never needs
 * storing and never changes:
 * - an id `st-<2 to 8 lower-case letters or digits>` gives those, in capitals: st-lingnan →
 *   LINGNAN, st-huadi → HUADI (distinct ids of this shape give distinct codes);
 * - any other id gives up to four of its letters or digits and four characters of its SHA-256
 *   (st-lingnan-east → LING + 4), so long ids sharing a start still differ.
 * Should two stations ever share a code anyway, the certificate's unique number (its `_id`)
 * refuses the second insert rather than giving one number to two certificates.
 */
export function stationCode(stationId: string): string {
  const bare = stationId.replace(/^st[-_]/i, '');
  if (/^[a-z0-9]{2,8}$/.test(bare)) return bare.toUpperCase();
  const letters = bare
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 4);
  const digest = createHash('sha256').update(stationId).digest();
  const suffix = Array.from(digest.subarray(0, 4), (byte) => ALPHABET[byte % 32]).join('');
  return `${letters}${suffix}`.slice(0, 8);
}
