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
import path from 'node:path';
import { startLocalRuntime } from '../local/host/server';
import { ensureH5Build, H5_DIR, ROOT } from './h5-build';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  if (!args.has('--no-build')) ensureH5Build();
  const port = Number(process.env.PORT ?? 8930);
  const dataDir = path.resolve(ROOT, process.env.LINLI_DATA_DIR ?? '.linli-data');
  const runtime = await startLocalRuntime({
    port,
    host: process.env.HOST,
    dataDir,
    h5Dir: H5_DIR,
    reset: args.has('--reset'),
    schedules: true,
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
