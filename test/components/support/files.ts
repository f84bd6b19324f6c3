import type { GeneratedFile } from '@linli/types/files';
import TaroDouble from './taro';

/**
 * Generated files as the functions answer them — a name and a link to private storage — and the
 * two ways the app fetches such a link: `fetch` in the browser (H5), `Taro.downloadFile` on WeChat.
 * A test makes a file with `linkedFile`, and `serveLinks()` / `wechatFiles()` answer its link with
 * its bytes (any other link: 403, as an expired or forged one).
 */

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const stored = new Map<string, Uint8Array<ArrayBuffer>>();
let next = 0;

/** A file a function "stored": its answer, whose link the fakes below serve `bytes` from. */
export function linkedFile(fileName: string, bytes: readonly number[] = [0x50, 0x4b, 0x03, 0x04]): GeneratedFile {
  next += 1;
  const url = `http://127.0.0.1:8930/__files/cloud%3A%2F%2Flocal%2Fexports%2Fst-lingnan%2Ffile${next}.xlsx?expires=1&sig=x`;
  stored.set(url, Uint8Array.from(bytes));
  return { fileName, mimeType: XLSX, bytes: bytes.length, url, expiresAt: '2026-11-20T10:10:00+08:00' };
}

/** The browser's fetch for the app's H5 download: answers each stored link, anything else 403. */
export function serveLinks(): jest.Mock {
  const fetch = jest.fn(async (url: string) => {
    const bytes = stored.get(url);
    return {
      ok: bytes !== undefined,
      status: bytes ? 200 : 403,
      blob: async () => new Blob([bytes ?? new Uint8Array()]),
    };
  });
  Object.assign(globalThis, { fetch });
  return fetch;
}

/** What WeChat wrote into the app's storage, by path. */
export type WeChatDisk = Map<string, Uint8Array<ArrayBuffer>>;

/**
 * WeChat's side: `downloadFile` saves a stored link's bytes at `filePath` (status 403 for any
 * other link, as the cloud's temporary link answers once expired), `openDocument` is recorded.
 */
export function wechatFiles(): { disk: WeChatDisk; downloadFile: jest.Mock; openDocument: jest.Mock } {
  process.env.TARO_ENV = 'weapp';
  const disk: WeChatDisk = new Map();
  const downloadFile = jest.fn(async ({ url, filePath }: { url: string; filePath: string }) => {
    const bytes = stored.get(url);
    if (bytes) disk.set(filePath, bytes);
    return { statusCode: bytes ? 200 : 403, filePath, errMsg: 'downloadFile:ok' };
  });
  const openDocument = jest.fn(() => Promise.resolve({ errMsg: 'openDocument:ok' }));
  Object.assign(TaroDouble, { env: { USER_DATA_PATH: 'wxfile://usr' }, downloadFile, openDocument });
  return { disk, downloadFile, openDocument };
}

/** Undoes `wechatFiles` (and any test's own WeChat-only stubs) on the Taro double. */
export function forgetWeChatFiles(): void {
  Object.assign(TaroDouble, {
    env: undefined,
    downloadFile: undefined,
    getFileSystemManager: undefined,
    openDocument: undefined,
    shareFileMessage: undefined,
  });
}

/** A blob's bytes (jsdom's Blob has no arrayBuffer()). */
export function readBlob(blob: Blob): Promise<number[]> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve([...new Uint8Array(reader.result as ArrayBuffer)]);
    reader.readAsArrayBuffer(blob);
  });
}
