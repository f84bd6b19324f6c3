import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/**
 * Serves the H5 build. Unknown paths fall back to index.html so a reload on a deep link still
 * opens the app (the app's router takes it from there).
 */
export function staticFiles(root: string) {
  const resolved = path.resolve(root);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    let file = path.resolve(resolved, `.${urlPath}`);
    if (!file.startsWith(resolved)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      const index = info?.isDirectory() ? path.join(file, 'index.html') : path.join(resolved, 'index.html');
      file = index;
      info = await stat(file).catch(() => null);
    }
    if (!info) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('H5 build not found: run npm run build:h5');
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    // index.html must never be cached (it names the hashed bundles); bundles may be.
    const cache = file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600';
    res.writeHead(200, { 'content-type': type, 'content-length': info.size, 'cache-control': cache });
    createReadStream(file).pipe(res);
  };
}
