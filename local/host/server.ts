import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { devLoginRequestSchema, DEV_AUTH_PATHS, type Persona } from '@linli/types/dev-auth';
import { openLocalDatabase, type LocalDatabase } from '../db';
import { databaseRequestListener, keepIdleConnectionsForSdk } from '../db/http';
import { configureCloudEnv, configureDataKey, configureLocalPlatform } from '../cloud-env';
import { openFileStore } from '../storage/file-store';
import { fileRoutes } from '../storage/http';
import { LOCAL_UPLOAD_PATH } from '@linli/types/files';
import { FILE_LINK_PREFIX } from '../../cloudfunctions/_shared/platform/file-links';
import { setLocalFileStore } from '../../cloudfunctions/_shared/platform/local';
import { DEMO_PERSONAS, seedDemoData } from '../demo/seed';
import { createDevAuth, newOpenid } from './dev-auth';
import { isFunctionName } from './functions';
import { invokeFunction } from './invoke';
import { BodyTooLargeError, isLoopback, readBody, sendJson } from './http-util';
import { staticFiles } from './static-files';
import { z } from 'zod';
import { clock } from '../../cloudfunctions/_shared/runtime/clock';

const clockRequestSchema = z.object({ offsetMs: z.number().int() });
import { fireTimer, startSchedules, timerFunctionNames } from './timers';

export interface LocalRuntimeOptions {
  port: number;
  /** Interface to listen on; 127.0.0.1 unless you want phones on the LAN to reach it. */
  host?: string;
  /** Where the embedded database lives; null keeps it in memory (tests). */
  dataDir: string | null;
  /** The H5 build to serve at `/`; null serves only the API. */
  h5Dir?: string | null;
  indexesFile?: string;
  /** Seed demo data into an empty database (default true). */
  seedDemo?: boolean;
  /** Clear the database first, then seed (demo reset). */
  reset?: boolean;
  /** Run the timer triggers on their schedules (npm start: yes; tests fire them by hand). */
  schedules?: boolean;
}

export interface LocalRuntime {
  url: string;
  db: LocalDatabase;
  close(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
/** callFunction payloads are small; this bounds what one request can make us parse. */
const MAX_BODY = 1024 * 1024;

/**
 * The local cloud: one HTTP server that is at once the database endpoint the real wx-server-sdk
 * talks to (/__tcb, loopback only), the function host (/api/<function>), the dev login
 * (/api/_dev/*) and the H5 app's static server (/).
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  // Before the seed: the demo data has sealed fields.
  configureDataKey(options.dataDir);
  const db = await openLocalDatabase({
    dataDir: options.dataDir,
    indexesFile: options.indexesFile ?? path.join(ROOT, 'config/db-indexes.json'),
  });
  // Uploaded photos live beside the database (<data dir>/files) and are wiped with it.
  const files = await openFileStore(options.dataDir);
  if (options.reset) {
    await db.clear();
    await files.clear();
  }
  if (options.seedDemo ?? true) await seedDemoData(db, new Date());

  const auth = createDevAuth();
  const serveDatabase = databaseRequestListener(db);
  const serveStatic = options.h5Dir ? staticFiles(options.h5Dir) : null;
  /** Who the request's dev-login token vouches for: the local stand-in for WeChat's OPENID. */
  const callerOf = (req: http.IncomingMessage): string | null => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return bearer ? auth.verify(bearer) : null;
  };
  const serveFiles = fileRoutes({ store: files, callerOf });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError)
        return sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: '请求内容过大' } });
      console.error('[runtime]', error);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    });
  });
  // The functions' SDK reuses idle connections to /__tcb; closing them is its job (local/db/http.ts).
  keepIdleConnectionsForSdk(server);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/__tcb') {
      // The database speaks for everyone's data: only this machine's functions may reach it.
      if (!isLoopback(req.socket.remoteAddress)) return void res.writeHead(403).end();
      return serveDatabase(req, res);
    }
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (url.pathname === DEV_AUTH_PATHS.personas && req.method === 'GET')
      return sendJson(res, 200, { items: await personas() });
    if (url.pathname === DEV_AUTH_PATHS.login && req.method === 'POST') {
      const parsed = devLoginRequestSchema.safeParse(JSON.parse((await readBody(req, MAX_BODY)) || '{}'));
      if (!parsed.success) return sendJson(res, 400, { error: 'invalid openid' });
      const openid = parsed.data.openid ?? newOpenid();
      return sendJson(res, 200, { token: auth.issue(openid), openid });
    }
    // Request counts of the embedded database, for benchmarks run against a live runtime.
    if (url.pathname === '/api/_dev/db-stats') {
      if (!isLoopback(req.socket.remoteAddress)) return void res.writeHead(403).end();
      if (req.method === 'DELETE') db.resetStats();
      return sendJson(res, 200, db.stats());
    }
    // The functions' clock (never the machine's): end-to-end tests move it to try deadlines and
    // activity times. Loopback only, like every dev endpoint that changes behaviour.
    if (url.pathname === '/api/_dev/clock') {
      if (!isLoopback(req.socket.remoteAddress)) return void res.writeHead(403).end();
      if (req.method === 'POST') {
        const parsed = clockRequestSchema.safeParse(JSON.parse((await readBody(req, MAX_BODY)) || '{}'));
        if (!parsed.success) return sendJson(res, 400, { error: 'offsetMs must be an integer' });
        clock.setOffset(parsed.data.offsetMs);
      }
      return sendJson(res, 200, { offsetMs: clock.offset(), now: clock.now().toISOString() });
    }
    if (url.pathname === LOCAL_UPLOAD_PATH && req.method === 'POST') return serveFiles.upload(req, res);
    if (url.pathname.startsWith(FILE_LINK_PREFIX) && (req.method === 'GET' || req.method === 'HEAD'))
      return serveFiles.serve(req, res, url);
    const timerMatch = /^\/api\/_dev\/timers\/([a-z]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (timerMatch && req.method === 'POST') {
      const [, fn = '', trigger = ''] = timerMatch;
      if (!timerFunctionNames().includes(fn)) return sendJson(res, 404, { error: 'no such timer function' });
      return sendJson(res, 200, await fireTimer(fn, trigger));
    }
    const fnMatch = /^\/api\/([a-z][a-zA-Z]*)$/.exec(url.pathname);
    if (fnMatch && req.method === 'POST') {
      const name = fnMatch[1]!;
      if (!isFunctionName(name))
        return sendJson(res, 404, {
          ok: false,
          error: { code: 'UNKNOWN_ACTION', message: `没有名为 ${name} 的云函数` },
        });
      let event: unknown;
      try {
        event = JSON.parse(await readBody(req, MAX_BODY));
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw error;
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式错误' } });
      }
      const openid = callerOf(req);
      // Like callFunction, a function answers 200 with its envelope, whatever the outcome.
      return sendJson(res, 200, await invokeFunction(name, event, openid));
    }
    if (url.pathname.startsWith('/api/'))
      return sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_ACTION', message: '未知接口' } });
    if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(req, res);
    res.writeHead(404).end();
  }

  async function personas(): Promise<Persona[]> {
    const [users, stationDocs] = await Promise.all([db.dump('users'), db.dump('stations')]);
    const present = new Set(users.map((u) => u._id));
    return DEMO_PERSONAS.filter((p) => present.has(p.openid)).map((p) => {
      const station = stationDocs.find((s) => s._id === p.stationId) as
        | { name: string; communities: { id: string; name: string }[] }
        | undefined;
      return {
        openid: p.openid,
        name: p.name,
        roles: p.roles,
        stationName: station?.name ?? null,
        communityName: station?.communities.find((c) => c.id === p.communityId)?.name ?? null,
        description: p.description,
      };
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // The functions in this process reach the database through the real SDK, over loopback.
  configureCloudEnv(`http://127.0.0.1:${port}/__tcb`);
  const shownHost = !options.host || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  const url = `http://${shownHost}:${port}/`;
  configureLocalPlatform(url);
  setLocalFileStore(files);
  const stopSchedules = options.schedules ? startSchedules(ROOT) : () => undefined;

  return {
    url,
    db,
    async close() {
      stopSchedules();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      setLocalFileStore(null);
      await files.close();
    },
  };
}
