import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { LocalDatabase } from './index';

/**
 * The HTTP face of the local database: the SDK POSTs one JSON body per call (to the URL in
 * TCB_CONTEXT_CNFG, with `?env=…&seqId=…` appended) and expects a JSON answer with status 200 —
 * errors included, as `{code, message}`: any other status becomes a generic "500 Internal Server
 * Error" in the SDK and the real error would be lost. The path is not looked at: the host
 * decides where to mount this (it uses /__tcb).
 */

/**
 * How long the server keeps an idle connection open: far longer than the SDK does (its agent,
 * agentkeepalive in @cloudbase/node-sdk, drops an idle connection after 4.8 s). With Node's
 * default of 5 s, a process that was busy for longer than that — locally the SDK and this server
 * share one process, and one long synchronous step is enough — sends its next request on a
 * connection whose overdue idle timer then fires before the request is read: the server closes
 * it, the call fails with ECONNRESET and the function answers INTERNAL. Found by the fuzz test;
 * test/functions/db/keep-alive.test.ts reproduces it. Closing idle connections is the SDK's job.
 */
export const IDLE_CONNECTION_MS = 65_000;

/** For the server the database listener is mounted on. */
export function keepIdleConnectionsForSdk(server: Server): void {
  server.keepAliveTimeout = IDLE_CONNECTION_MS;
}

/** Far above any real request; guards the process against a runaway client. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function databaseRequestListener(db: LocalDatabase): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'POST') {
      send(res, 405, { code: 'INVALID_PARAM', message: 'the local database accepts POST requests only' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        send(res, 413, { code: 'INVALID_PARAM', message: 'request body too large' });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        send(res, 200, { code: 'INVALID_PARAM', message: 'request body is not valid JSON' });
        return;
      }
      db.handle(body).then(
        (answer) => send(res, 200, answer),
        (error: unknown) =>
          send(res, 200, { code: 'SYS_ERR', message: error instanceof Error ? error.message : String(error) }),
      );
    });
    req.on('error', () => {
      if (!res.headersSent) send(res, 400, { code: 'INVALID_PARAM', message: 'request could not be read' });
    });
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
