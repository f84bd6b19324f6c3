import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../../local/host/server';

let runtime: LocalRuntime;
let h5Dir: string;

beforeAll(async () => {
  h5Dir = mkdtempSync(path.join(os.tmpdir(), 'linli-h5-'));
  writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>邻里</title>');
  runtime = await startLocalRuntime({ port: 0, dataDir: null, h5Dir });
});
afterAll(async () => {
  await runtime.close();
});

const post = (p: string, body: unknown, token?: string) =>
  fetch(new URL(p, runtime.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function login(openid?: string): Promise<string> {
  const res = await post('/api/_dev/login', openid ? { openid } : {});
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

it('lists the demo personas for the dev login', async () => {
  const res = await fetch(new URL('/api/_dev/personas', runtime.url));
  const { items } = (await res.json()) as { items: { name: string; roles: string[]; stationName: string }[] };
  expect(items.map((p) => p.name)).toEqual(expect.arrayContaining(['陈站长', '李社工', '张阿姨', '赵志愿']));
  expect(items.find((p) => p.name === '陈站长')?.roles).toContain('admin');
});

it('runs a function as the logged-in persona', async () => {
  const token = await login('oDemoResident01');
  const res = await post('/api/account', { action: 'me', input: {} }, token);
  const body = (await res.json()) as { ok: boolean; data: { profile: { name: string } } };
  expect(body).toMatchObject({ ok: true, data: { profile: { name: '张阿姨' } } });
});

it('starts a brand-new user when no persona is chosen', async () => {
  const token = await login();
  const body = (await (await post('/api/account', { action: 'me', input: {} }, token)).json()) as unknown;
  expect(body).toEqual({ ok: true, data: { profile: null, station: null } });
});

it('treats a forged or missing token as no identity', async () => {
  const token = await login('oDemoResident01');
  const forged = `oDemoAdmin0001.${token.split('.').pop()}`;
  for (const t of [forged, undefined]) {
    const body = (await (await post('/api/account', { action: 'me', input: {} }, t)).json()) as {
      error: { code: string };
    };
    expect(body.error.code).toBe('UNAUTHENTICATED');
  }
});

it('answers malformed JSON, unknown functions and oversized bodies with structured errors', async () => {
  const token = await login('oDemoResident01');
  expect(
    ((await (await post('/api/account', '{not json', token)).json()) as { error: { code: string } }).error.code,
  ).toBe('INVALID_INPUT');
  const unknown = await post('/api/nothing', { action: 'x' }, token);
  expect(unknown.status).toBe(404);
  const huge = await post('/api/account', { action: 'me', input: { blob: 'x'.repeat(1_100_000) } }, token);
  expect(huge.status).toBe(413);
});

it('serves the H5 app with a fallback to index.html for deep links', async () => {
  for (const p of ['/', '/pages/mine/index']) {
    const res = await fetch(new URL(p, runtime.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('邻里');
  }
  expect((await fetch(new URL('/..%2f..%2fetc/passwd', runtime.url))).status).not.toBe(500);
});

it('moves the functions’ clock for end-to-end tests, and back', async () => {
  const moved = (await (await post('/api/_dev/clock', { offsetMs: 86_400_000 })).json()) as { now: string };
  expect(Date.parse(moved.now) - Date.now()).toBeGreaterThan(86_000_000);
  expect((await post('/api/_dev/clock', { offsetMs: 'soon' })).status).toBe(400);
  const back = (await (await post('/api/_dev/clock', { offsetMs: 0 })).json()) as { offsetMs: number };
  expect(back.offsetMs).toBe(0);
});
