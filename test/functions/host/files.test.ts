/**
 * The local runtime's file storage through its HTTP faces: the upload (the stand-in for
 * Taro.cloud.uploadFile) and the signed, expiring links the functions hand out (docs/files.md).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_UPLOAD_PATH, PHOTO_MAX_BYTES } from '@linli/types/files';
import { startLocalRuntime, type LocalRuntime } from '../../../local/host/server';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { TEMP_FILE_URL_SECONDS } from '../../../cloudfunctions/_shared/platform/types';
import { solidPng } from '../../support/images';

const VOLUNTEER = 'oDemoVolunteer1';
const SOCIAL = 'oDemoSocial0001';
const OTHER_SOCIAL = 'oDemoOtherSW01';
const RESIDENT = 'oDemoResident01';

afterEach(() => clock.setOffset(0));

async function login(runtime: LocalRuntime, openid: string): Promise<string> {
  const res = await fetch(new URL('/api/_dev/login', runtime.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function upload(runtime: LocalRuntime, body: Buffer | string, token?: string) {
  const res = await fetch(new URL(LOCAL_UPLOAD_PATH, runtime.url), {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { fileID?: string; error?: { code: string; message: string } },
  };
}

async function callFunction(runtime: LocalRuntime, token: string, fn: string, action: string, input: unknown) {
  const res = await fetch(new URL(`/api/${fn}`, runtime.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, input, requestId: `r${Math.random().toString(36).slice(2)}` }),
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: { code: string } };
}

/** A service an hour ago, half an hour long, reported by the volunteer with this photo. */
async function reportWithPhoto(runtime: LocalRuntime, token: string, photoFileId: string) {
  const end = Math.floor(Date.now() / 60_000) * 60_000 - 3600_000;
  return callFunction(runtime, token, 'hours', 'report', {
    span: { startAt: new Date(end - 1800_000).toISOString(), endAt: new Date(end).toISOString() },
    content: '陪伴独居长者聊天',
    note: '',
    photoFileId,
  });
}

describe('upload and links', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startLocalRuntime({ port: 0, dataDir: null });
  });
  afterAll(async () => {
    await runtime.close();
  });

  it("stores an image in the caller's own folder and answers its file id", async () => {
    const res = await upload(runtime, solidPng(), await login(runtime, VOLUNTEER));
    expect(res.status).toBe(200);
    expect(res.body.fileID).toMatch(/^cloud:\/\/local\/uploads\/oDemoVolunteer1\/[\w-]{22}\.png$/);
  });

  it('refuses an upload without a valid dev-login token', async () => {
    const token = await login(runtime, VOLUNTEER);
    const forged = `${RESIDENT}.${token.split('.').pop()}`;
    for (const t of [undefined, forged, 'nonsense']) {
      const res = await upload(runtime, solidPng(), t);
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    }
  });

  it('refuses what is not a JPEG, PNG or WebP, whatever it claims to be', async () => {
    const token = await login(runtime, VOLUNTEER);
    for (const body of ['<!doctype html><script>alert(1)</script>', 'GIF89a\x01\x00\x01\x00']) {
      const res = await upload(runtime, body, token);
      expect(res.status).toBe(415);
      expect(res.body.error).toEqual({ code: 'INVALID_INPUT', message: '只能上传 JPG、PNG 或 WebP 格式的照片' });
    }
    expect((await upload(runtime, Buffer.alloc(0), token)).status).toBe(400);
  });

  it('refuses more than 5 MB, whether announced or streamed', async () => {
    const token = await login(runtime, VOLUNTEER);
    const tooBig = Buffer.concat([solidPng(), Buffer.alloc(PHOTO_MAX_BYTES)]);
    const announced = await upload(runtime, tooBig, token);
    expect(announced.status).toBe(413);
    expect(announced.body.error?.message).toBe('照片不能超过5MB，请换一张或裁剪后再试');

    // Chunked: no Content-Length, so the limit is found while reading.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(new URL(LOCAL_UPLOAD_PATH, runtime.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let offset = 0; offset < tooBig.length; offset += 256 * 1024)
        req.write(tooBig.subarray(offset, offset + 256 * 1024));
      req.end();
    });
    expect(streamed).toBe(413);

    // Exactly at the limit is fine.
    const atLimit = Buffer.concat([solidPng(), Buffer.alloc(PHOTO_MAX_BYTES - solidPng().length)]);
    expect((await upload(runtime, atLimit, token)).status).toBe(200);
  });

  it('serves a photo through the link a function gave, privately, until it expires', async () => {
    const token = await login(runtime, VOLUNTEER);
    const png = solidPng(24);
    const { body } = await upload(runtime, png, token);
    const report = await reportWithPhoto(runtime, token, body.fileID!);
    expect(report.ok).toBe(true);
    const link = report.data!.photoUrl as string;
    expect(link.startsWith(`${runtime.url}__files/`)).toBe(true);

    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);

    // The station's social worker gets a link too; another station's sees nothing.
    const pending = await callFunction(runtime, await login(runtime, SOCIAL), 'hours', 'pending', {});
    const items = pending.data!.items as { id: string; photoUrl: string | null }[];
    const seenByStaff = items.find((item) => item.id === report.data!.id);
    expect((await fetch(seenByStaff!.photoUrl!)).status).toBe(200);
    const other = await callFunction(runtime, await login(runtime, OTHER_SOCIAL), 'hours', 'pending', {});
    expect(other.data!.items).toEqual([]);

    clock.setOffset((TEMP_FILE_URL_SECONDS + 1) * 1000);
    const expired = await fetch(link);
    expect(expired.status).toBe(403);
    expect(expired.headers.get('cache-control')).toBe('no-store');
  });

  it('serves nothing for a tampered, unsigned or listing request', async () => {
    const token = await login(runtime, VOLUNTEER);
    const { body } = await upload(runtime, solidPng(), token);
    const report = await reportWithPhoto(runtime, token, body.fileID!);
    const link = new URL(report.data!.photoUrl as string);
    expect((await fetch(link)).status).toBe(200);

    const later = new URL(link);
    later.searchParams.set('expires', String(Number(link.searchParams.get('expires')) + 86_400));
    const otherSig = new URL(link);
    otherSig.searchParams.set('sig', 'A'.repeat(43));
    const unsigned = new URL(link.pathname, link);
    const folder = new URL(`/__files/${encodeURIComponent('cloud://local/uploads/oDemoVolunteer1/')}`, link);
    const otherFile = new URL(link);
    otherFile.pathname = link.pathname.replace(/[\w-]{22}\.png$/, 'AAAAAAAAAAAAAAAAAAAAAA.png');
    for (const url of [later, otherSig, unsigned, folder, otherFile, new URL('/__files/', link)]) {
      const res = await fetch(url);
      expect([url.pathname, res.status]).toEqual([url.pathname, 403]);
      expect(res.headers.get('content-type')).not.toMatch(/^image\//);
    }
  });

  it('serves a generated file (an export) through its link as a download, privately', async () => {
    const exported = await callFunction(runtime, await login(runtime, SOCIAL), 'ledger', 'signInSheet', {
      activityId: 'DemoAct007',
    });
    expect(exported.ok).toBe(true);
    const link = exported.data!.url as string;
    expect(link.startsWith(`${runtime.url}__files/${encodeURIComponent('cloud://local/exports/st-lingnan/')}`)).toBe(
      true,
    );
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(exported.data!.bytes);
    expect(body.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it("will not attach someone else's upload to a report", async () => {
    const { body } = await upload(runtime, solidPng(), await login(runtime, RESIDENT));
    const report = await reportWithPhoto(runtime, await login(runtime, VOLUNTEER), body.fileID!);
    expect(report).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('durability', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-files-test-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps an answered upload across a restart, with no temporary file left', async () => {
    const png = solidPng(32, [47, 125, 79]);
    let runtime = await startLocalRuntime({ port: 0, dataDir });
    const volunteerToken = await login(runtime, VOLUNTEER);
    const { body } = await upload(runtime, png, volunteerToken);
    expect((await reportWithPhoto(runtime, volunteerToken, body.fileID!)).ok).toBe(true);
    await runtime.close();

    const folder = path.join(dataDir, 'files/uploads', VOLUNTEER);
    expect(readdirSync(folder)).toEqual([path.basename(body.fileID!)]);

    runtime = await startLocalRuntime({ port: 0, dataDir });
    try {
      // A new process: new tokens and a new link key, the same file.
      const mine = await callFunction(runtime, await login(runtime, VOLUNTEER), 'hours', 'mine', {});
      const [entry] = mine.data!.entries as { photoUrl: string | null }[];
      const res = await fetch(entry!.photoUrl!);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    } finally {
      await runtime.close();
    }
  });

  it('removes what an interrupted upload left, and wipes photos with the demo reset', async () => {
    let runtime = await startLocalRuntime({ port: 0, dataDir });
    const { body } = await upload(runtime, solidPng(), await login(runtime, VOLUNTEER));
    await runtime.close();
    const folder = path.join(dataDir, 'files/uploads', VOLUNTEER);
    const leftover = path.join(folder, `${path.basename(body.fileID!)}.0a1b2c3d4e5f.tmp`);
    writeFileSync(leftover, 'half a photo');

    runtime = await startLocalRuntime({ port: 0, dataDir });
    await runtime.close();
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(path.join(folder, path.basename(body.fileID!)))).toBe(true);

    runtime = await startLocalRuntime({ port: 0, dataDir, reset: true });
    await runtime.close();
    expect(existsSync(path.join(dataDir, 'files/uploads'))).toBe(false);
  });

  it('keeps generated files under files/exports/<station>/, and wipes them with the demo reset', async () => {
    let runtime = await startLocalRuntime({ port: 0, dataDir });
    const exported = await callFunction(runtime, await login(runtime, SOCIAL), 'ledger', 'signInSheet', {
      activityId: 'DemoAct007',
    });
    await runtime.close();
    const name = decodeURIComponent(new URL(exported.data!.url as string).pathname)
      .split('/')
      .pop()!;
    expect(readdirSync(path.join(dataDir, 'files/exports/st-lingnan'))).toEqual([name]);

    runtime = await startLocalRuntime({ port: 0, dataDir, reset: true });
    await runtime.close();
    expect(existsSync(path.join(dataDir, 'files/exports'))).toBe(false);
  });
});
