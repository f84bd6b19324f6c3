import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const H5_DIR = path.join(ROOT, 'dist/h5');
/** What the H5 bundle is built from: a change to any of these makes the build stale. */
const SOURCES = ['src', 'types', 'config', 'babel.config.js', 'package.json', '.env.production'];

function newestMtime(target: string): number {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(target).reduce((max, entry) => Math.max(max, newestMtime(path.join(target, entry))), info.mtimeMs);
}

export function h5BuildIsStale(): boolean {
  const index = path.join(H5_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => existsSync(path.join(ROOT, s)) && newestMtime(path.join(ROOT, s)) > built);
}

/** Builds dist/h5 unless it is up to date. Exits the process if the build fails. */
export function ensureH5Build(): void {
  if (!h5BuildIsStale()) return;
  console.log('正在构建 H5 应用 (building the H5 app)…');
  const result = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('H5 build failed');
    process.exit(result.status ?? 1);
  }
}

if (require.main === module) ensureH5Build();
