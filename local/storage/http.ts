import type { IncomingMessage, ServerResponse } from 'node:http';
import { PHOTO_MAX_BYTES } from '@linli/types/files';
import type { ErrorCode } from '@linli/types/errors';
import { checkFileLink } from '../../cloudfunctions/_shared/platform/file-links';
import { clock } from '../../cloudfunctions/_shared/runtime/clock';
import { sendJson } from '../host/http-util';
import type { FileStore, StoredFile } from './file-store';
import { sniffImageType } from './image-type';

/**
 * The two HTTP faces of the local file store, mounted by the host (server.ts):
 *
 * - upload (`POST LOCAL_UPLOAD_PATH`, the stand-in for Taro.cloud.uploadFile): the body is the
 *   image's bytes; the caller is whoever the dev-login token vouches for, exactly as for
 *   /api/<function>, and the file goes into that caller's folder. Answers `{fileID}`.
 * - serving (`GET /__files/…`): one file per link platform/local.ts signed, while the link is
 *   valid; never a listing, never a file without a valid signature. Photos and generated files
 *   (exports) alike.
 */

/**
 * How much of an oversized upload is read and thrown away before answering 413: a browser that
 * is still sending when the connection closes reports a network error instead of our message.
 */
const DRAIN_LIMIT = 64 * 1024 * 1024;

const refuse = (res: ServerResponse, status: number, code: ErrorCode, message: string) =>
  sendJson(res, status, { ok: false, error: { code, message } });

export interface FileRoutes {
  upload(req: IncomingMessage, res: ServerResponse): Promise<void>;
  serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

export function fileRoutes(options: {
  store: FileStore;
  /** The openid the request's dev-login token vouches for, or null. */
  callerOf: (req: IncomingMessage) => string | null;
}): FileRoutes {
  const { store, callerOf } = options;

  return {
    async upload(req, res) {
      const owner = callerOf(req);
      if (!owner) {
        await readUpTo(req, 0);
        return refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
      }
      const bytes = await readUpTo(req, PHOTO_MAX_BYTES);
      if (bytes === 'too_large') return refuse(res, 413, 'INVALID_INPUT', '照片不能超过5MB，请换一张或裁剪后再试');
      if (bytes.length === 0) return refuse(res, 400, 'INVALID_INPUT', '没有收到照片，请重新选择');
      const type = sniffImageType(bytes);
      if (!type) return refuse(res, 415, 'INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 格式的照片');
      sendJson(res, 200, { fileID: await store.save(owner, bytes, type) });
    },

    async serve(req, res, url) {
      const answer = await openFileLink(store, url);
      if (answer.status !== 200) {
        res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        return void res.end(answer.message);
      }
      const { file } = answer;
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-length': file.bytes.length,
        // A private file: no shared cache keeps it, and no cache keeps it past the link.
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        // A generated file is saved, never shown in the browser (the app names the download).
        ...(file.contentType.startsWith('image/') ? {} : { 'content-disposition': 'attachment' }),
      });
      res.end(req.method === 'HEAD' ? undefined : file.bytes);
    },
  };
}

export type FileLinkAnswer = { status: 200; file: StoredFile } | { status: 403 | 404; message: string };

/**
 * What a request for a file link gets: the file while the link is one platform/local.ts signed
 * and still valid (by the functions' clock), else 403 — forged, expired or unsigned alike, nothing
 * about the file is told — or 404 when the file is gone. The host serves this; the function-test
 * harness fetches links through it too (test/support/functions.ts).
 */
export async function openFileLink(store: FileStore, url: URL): Promise<FileLinkAnswer> {
  const secret = process.env.LINLI_FILES_SECRET;
  if (!secret) throw new Error('LINLI_FILES_SECRET is not set (configureLocalPlatform)');
  const check = checkFileLink(url.pathname, url.searchParams, clock.now().getTime(), secret);
  if (!check.ok) return { status: 403, message: check.problem === 'expired' ? '链接已过期' : '无权访问' };
  const file = await store.read(check.fileId);
  return file ? { status: 200, file } : { status: 404, message: '文件不存在' };
}

/**
 * Reads the whole body, keeping at most `limit` bytes: past that the rest is read and thrown
 * away (up to DRAIN_LIMIT, then the connection is dropped), so the answer that follows reaches
 * a client that is still sending.
 */
function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.once('end', () => resolve(size > limit ? 'too_large' : Buffer.concat(chunks)));
    req.once('close', () => resolve('too_large'));
    req.once('error', reject);
  });
}
