import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A local runtime in its own process (as `npm start` runs it, with its on-disk journal and
 * fsync), and a small HTTP client for benchmarks: what a phone's requests cost, end to end.
 */
export interface BenchRuntime {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL): no shutdown, nothing flushed — a crash. */
  kill(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..');

/** `dataDir`: reopen a database folder (a restart); default a new one. */
export async function startBenchRuntime(options: { dataDir?: string } = {}): Promise<BenchRuntime> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'linli-bench-'));
  // `node --import tsx`, not the tsx launcher: the launcher runs the script in a second process,
  // which a SIGKILL to the launcher would leave running.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LINLI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`runtime did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /App:\s+(http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`runtime exited (${code}):\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return { url, dataDir, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

export async function login(url: string, openid: string): Promise<string> {
  const res = await fetch(new URL('/api/_dev/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  return ((await res.json()) as { token: string }).token;
}

export async function callFn<T>(
  url: string,
  token: string,
  fn: string,
  action: string,
  input: unknown,
  requestId?: string,
) {
  const res = await fetch(new URL(`/api/${fn}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, input, ...(requestId ? { requestId } : {}) }),
  });
  return (await res.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
}

export async function dbStats(
  url: string,
  reset = false,
): Promise<{ requests: number; byAction: Record<string, number> }> {
  const res = await fetch(new URL('/api/_dev/db-stats', url), { method: reset ? 'DELETE' : 'GET' });
  return (await res.json()) as { requests: number; byAction: Record<string, number> };
}

/** Runs tasks with at most `limit` in flight; returns each task's latency in ms. */
export async function runConcurrently(tasks: (() => Promise<unknown>)[], limit: number): Promise<number[]> {
  const latencies: number[] = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      const started = performance.now();
      await tasks[i]!();
      latencies[i] = performance.now() - started;
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return latencies;
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)) };
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** Publishes an activity as the demo social worker; returns the staff token and the activity id. */
export async function publishAsStaff(
  url: string,
  draft: Record<string, unknown>,
): Promise<{ staff: string; activityId: string }> {
  const staff = await login(url, 'oDemoSocial0001');
  const activity = await callFn<{ id: string }>(url, staff, 'activity', 'publish', draft);
  if (!activity.ok) throw new Error(activity.error.message);
  return { staff, activityId: activity.data.id };
}

/** Registers `count` residents of the demo station through the app's own onboarding call. */
export async function registerResidents(url: string, prefix: string, count: number, concurrency: number) {
  const openids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  const tokens = await Promise.all(openids.map((openid) => login(url, openid)));
  await runConcurrently(
    tokens.map(
      (token, i) => () =>
        callFn(url, token, 'account', 'saveProfile', {
          name: `居民${i}`,
          stationId: 'st-lingnan',
          communityId: 'comm1',
          consent: true,
        }),
    ),
    concurrency,
  );
  return { openids, tokens };
}
