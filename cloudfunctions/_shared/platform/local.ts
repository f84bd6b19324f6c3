import QRCode from 'qrcode';
import { db } from '../runtime/cloud';
import { CONTENT_CHECK_MAX_CHARS, TEMP_FILE_URL_SECONDS, type PlatformServices } from './types';

/**
 * Stand-ins for the local runtime. A "mini-program code" is a plain QR of the H5 link to the
 * same page with the same scene, so a phone camera (or a test decoding the image) opens it;
 * subscription messages are written to the `outbox` collection, where tests and a person
 * trying the app can see them; the content check refuses a short list of words so the
 * "held for review" path can be tried; file links point at the local host (no storage yet).
 */
const BLOCKED_WORDS = ['赌博', '色情', '毒品', '代开发票', '违禁词'];

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
    await db.collection('outbox').add({ data: { ...message, sentAt: new Date() } });
    return { sent: true };
  },
  async tempFileUrl(fileId) {
    // The local runtime has no file storage yet: a link of the same shape (expiring, per file)
    // so views can be built and tested; nothing serves it.
    const expires = Math.floor(Date.now() / 1000) + TEMP_FILE_URL_SECONDS;
    return `${publicUrl()}__files/${encodeURIComponent(fileId)}?expires=${expires}`;
  },
};
