/**
 * `npm start`: builds the H5 app if its build is missing or older than the sources, starts the
 * local cloud runtime (embedded database with demo data, function host, dev login) and prints
 * the URL. Runs in the foreground until Ctrl-C.
 *
 *   PORT            HTTP port (default 8930)
 *   HOST            interface (default 127.0.0.1; 0.0.0.0 to reach it from a phone on the LAN)
 *   LINLI_DATA_DIR  database folder (default .linli-data)
 *   --reset         wipe the database and seed fresh demo data
 *   --no-build      serve whatever dist/h5 holds
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startLocalRuntime } from '../local/host/server';

const ROOT = path.resolve(__dirname, '..');
const H5_DIR = path.join(ROOT, 'dist/h5');
const SOURCES = ['src', 'types', 'config', 'babel.config.js', 'package.json'];

function newestMtime(target: string): number {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(target).reduce((max, entry) => Math.max(max, newestMtime(path.join(target, entry))), info.mtimeMs);
}

function h5BuildIsStale(): boolean {
  const index = path.join(H5_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => existsSync(path.join(ROOT, s)) && newestMtime(path.join(ROOT, s)) > built);
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (!args.has('--no-build') && h5BuildIsStale()) {
    console.log('正在构建 H5 应用 (building the H5 app)…');
    const result = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const port = Number(process.env.PORT ?? 8930);
  const dataDir = path.resolve(ROOT, process.env.LINLI_DATA_DIR ?? '.linli-data');
  const runtime = await startLocalRuntime({
    port,
    host: process.env.HOST,
    dataDir,
    h5Dir: H5_DIR,
    reset: args.has('--reset'),
  });
  console.log(
    `\n邻里 Linli 本地运行中 (local runtime)\n  App:      ${runtime.url}\n  Data:     ${dataDir}\n  Personas: ${runtime.url}api/_dev/personas\n\nPress Ctrl-C to stop.`,
  );

  const stop = async () => {
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
