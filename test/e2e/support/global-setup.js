// Plain CommonJS on purpose: jest loads global setup outside its module system, where the
// tsconfig path aliases the TypeScript sources use do not resolve. tsx (which reads them) runs
// the real entry points instead.
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

module.exports = async function globalSetup() {
  const build = spawnSync(TSX, ['scripts/h5-build.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('H5 build failed');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'));
  const child = spawn(TSX, ['scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LINLI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runtime did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /App:\s+(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`runtime exited (${code}):\n${output}`)));
  });
  // Keep draining output so the child never blocks on a full pipe; show errors.
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));

  globalThis.__LINLI_E2E_RUNTIME__ = child;
  process.env.LINLI_E2E_URL = url;
  process.env.LINLI_E2E_DATA_DIR = dataDir;
};
