import { createHash, randomBytes } from 'node:crypto';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../_shared/domain/short-id';

/**
 * A new complaint's id: `fb` + 10 base62 characters. With a requestId it is derived from the
 * caller and the request, so a submission retried after a lost answer (even past the request
 * log, e.g. after a crash between insert and answer) finds its complaint instead of making a
 * second; without one it is random.
 */
export function complaintIdFor(openid: string, requestId: string | undefined): string {
  if (requestId) {
    // 64 bytes of digest: far more than the 20 the rejection sampling needs.
    const digest = createHash('sha512').update(`complaint\u0000${openid}\u0000${requestId}`).digest();
    try {
      return `fb${shortIdFromBytes(digest)}`;
    } catch {
      // Ran out of usable bytes (about once in 10^11): a random id is still correct, only not derived.
    }
  }
  return `fb${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`;
}
