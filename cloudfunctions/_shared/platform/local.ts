import QRCode from 'qrcode';
import { z } from 'zod';
import { storedDate } from '../repositories/sdk';
import { isPseudonym } from '../domain/erasure';
import { clock } from '../runtime/clock';
import { db } from '../runtime/cloud';
import { requireSecret } from '../runtime/secrets';
import { signFileLink } from './file-links';
import { CONTENT_CHECK_MAX_CHARS, TEMP_FILE_URL_SECONDS, type PlatformServices } from './types';

/**
 * Stand-ins for the local runtime. A "mini-program code" is a plain QR of the H5 link to the
 * same page with the same scene, so a phone camera (or a test decoding the image) opens it;
 * subscription messages are written to the `outbox` collection, where tests and a person
 * trying the app can see them; the content check refuses a short list of words so the
 * "held for review" path can be tried; file links are signed, expiring links the local host
 * serves from its file store (local/storage, docs/files.md).
 */
/** A subscription message the local runtime "sent": written to `outbox` for tests and people trying the app. */
export const outboxDocSchema = z.object({
  _id: z.string(),
  toOpenid: z.string(),
  template: z.string(),
  page: z.string(),
  data: z.record(z.string(), z.string()),
  sentAt: storedDate,
});

const BLOCKED_WORDS = ['赌博', '色情', '毒品', '代开发票', '违禁词'];

/** What the local runtime's file store offers a function: whether a file exists, deleting one, storing a generated one. */
export interface LocalFileLookup {
  exists(fileId: string): Promise<boolean>;
  /** True if the file was there. */
  remove(fileId: string): Promise<boolean>;
  /** Stores a file a function made at `cloudPath`; answers its file id. */
  put(cloudPath: string, bytes: Buffer): Promise<string>;
}

let fileLookup: LocalFileLookup | null = null;

/**
 * The local host (and the function-test harness) hand over their file store here: the same
 * process runs the functions, and the functions must not reach into local/ themselves (they are
 * bundled for the cloud). With none, no file exists, as in an empty bucket.
 */
export function setLocalFileStore(lookup: LocalFileLookup | null): void {
  fileLookup = lookup;
}

const publicUrl = (): string => (process.env.LINLI_PUBLIC_URL ?? 'http://127.0.0.1:8930/').replace(/\/?$/, '/');

/** The H5 link a local code stands for (hash routing: the page path follows `#/`). */
export function h5LinkFor(page: string, scene: string): string {
  return `${publicUrl()}#/${page}?scene=${encodeURIComponent(scene)}`;
}

export const localPlatform: PlatformServices = {
  async miniProgramCode({ scene, page }) {
    // 4 px per module (~200 px): the page scales it up; a bigger bitmap only costs encoding time.
    return QRCode.toBuffer(h5LinkFor(page, scene), { type: 'png', margin: 2, scale: 4 });
  },
  linkFor: h5LinkFor,
  async checkText(text) {
    const hit = BLOCKED_WORDS.find((word) => text.slice(0, CONTENT_CHECK_MAX_CHARS * 10).includes(word));
    return hit ? { pass: false, reason: '内容未通过平台安全检测，需人工审核' } : { pass: true };
  },
  async sendSubscribeMessage(message) {
    // As in the cloud: a deleted person's pseudonym is nobody to message.
    if (isPseudonym(message.toOpenid)) return { sent: false };
    await db.collection('outbox').add({ data: { ...message, sentAt: new Date() } });
    return { sent: true };
  },
  async tempFileUrl(fileId) {
    // Like getTempFileURL: a file storage does not have gives no link. The functions' clock (not
    // the machine's) dates the link, so tests that move the clock can watch it expire.
    if (!fileLookup || !(await fileLookup.exists(fileId))) return null;
    const link = signFileLink(
      fileId,
      clock.now().getTime(),
      TEMP_FILE_URL_SECONDS,
      requireSecret('LINLI_FILES_SECRET'),
    );
    return `${publicUrl().replace(/\/$/, '')}${link}`;
  },
  async uploadFile(cloudPath, bytes) {
    // Like a bucket that is not set up: a function cannot store without a file store.
    if (!fileLookup) throw new Error('no local file store (setLocalFileStore)');
    return fileLookup.put(cloudPath, bytes);
  },
  async deleteFiles(fileIds) {
    let deleted = 0;
    for (const fileId of fileIds) if (fileLookup && (await fileLookup.remove(fileId))) deleted += 1;
    return deleted;
  },
};
