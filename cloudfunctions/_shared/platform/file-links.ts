import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The local runtime's temporary file links — its stand-in for what `cloud.getTempFileURL`
 * returns in WeChat: a link that opens one file until it expires, and that nobody can make or
 * stretch without the key.
 *
 *     <public url>__files/<encodeURIComponent(fileId)>?expires=<unix seconds>&sig=<MAC>
 *
 * The MAC is HMAC-SHA256 over the file id and the expiry, so changing either (another file, a
 * later expiry) fails the check. The link is a bearer link, like WeChat's: whoever holds it
 * sees the file until it expires — which is why it lives minutes (TEMP_FILE_URL_SECONDS) and
 * is only made for people allowed to see the file.
 *
 * Made by platform/local.ts (inside a function), checked by the local host
 * (local/storage/http.ts), both in the same process with the key LINLI_FILES_SECRET
 * (local/cloud-env.ts).
 */

export const FILE_LINK_PREFIX = '/__files/';

/** A key shorter than this could be guessed; refuse to sign with it (as signin-token.ts does). */
const MIN_SECRET_LENGTH = 16;

export interface FileLinkParts {
  fileId: string;
  /** Unix seconds after which the link stops working. */
  expires: number;
}

function mac(parts: FileLinkParts, secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error('file link secret is missing or too short');
  // A newline cannot occur in a file id (parseUploadFileId), so the two parts cannot run together.
  return createHmac('sha256', secret).update(`${parts.fileId}\n${parts.expires}`).digest('base64url');
}

/** The path and query of a link to `fileId` valid for `seconds` from `nowMs`. */
export function signFileLink(fileId: string, nowMs: number, seconds: number, secret: string): string {
  const expires = Math.floor(nowMs / 1000) + seconds;
  const sig = mac({ fileId, expires }, secret);
  return `${FILE_LINK_PREFIX}${encodeURIComponent(fileId)}?expires=${expires}&sig=${sig}`;
}

export type FileLinkCheck = { ok: true; fileId: string } | { ok: false; problem: 'malformed' | 'forged' | 'expired' };

/**
 * Whether a requested link is one we made and still valid at `nowMs`. The signature is checked
 * before the expiry, so a tampered link is called forged whatever its date.
 */
export function checkFileLink(pathname: string, query: URLSearchParams, nowMs: number, secret: string): FileLinkCheck {
  if (!pathname.startsWith(FILE_LINK_PREFIX)) return { ok: false, problem: 'malformed' };
  let fileId: string;
  try {
    fileId = decodeURIComponent(pathname.slice(FILE_LINK_PREFIX.length));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const expiresText = query.get('expires') ?? '';
  const sig = query.get('sig') ?? '';
  if (!fileId || !/^\d{1,12}$/.test(expiresText) || !sig) return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(mac({ fileId, expires: Number(expiresText) }, secret));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'forged' };
  if (Math.floor(nowMs / 1000) > Number(expiresText)) return { ok: false, problem: 'expired' };
  return { ok: true, fileId };
}
