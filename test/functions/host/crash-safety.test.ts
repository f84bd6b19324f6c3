import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  callFn,
  login,
  publishAsStaff,
  registerResidents,
  runConcurrently,
  startBenchRuntime,
  type BenchRuntime,
} from '../../../bench/runtime-client';
import { openLocalDatabase } from '../../../local/db';
import { attendanceDocSchema } from '../../../cloudfunctions/_shared/repositories/attendance';

/**
 * Crash safety of the local runtime (docs/robustness.md): the runtime runs in its own process with
 * its database on disk, as `npm start` runs it, and is killed (SIGKILL: no shutdown, nothing
 * flushed) in the middle of a burst of sign-ins — after a fixed number of acknowledged ones, with
 * more in flight, so the test does not depend on timing. Restarted on the same folder, it must
 * have every sign-in it acknowledged, no record half-written, a roster that adds up, and take
 * new sign-ins. The kill is also made to leave a torn last journal line behind (what a kill
 * during a write leaves), which the restart must drop.
 */

const RESIDENTS = 60;
/** Acknowledged sign-ins before the kill. */
const KILL_AFTER = 25;
/** Scans in flight at once: some are always mid-way when the process dies. */
const IN_FLIGHT = 12;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-crash-'));
let runtime: BenchRuntime | null = null;

afterAll(async () => {
  await runtime?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

// Two runtime starts (each loads every function) and ~200 HTTP calls, on a loaded CI machine.
jest.setTimeout(180_000);

type Roster = { counts: { signedIn: number }; entries: { personId: string; signedInAt: string | null }[] };

async function scanCode(url: string, staff: string, activityId: string): Promise<string> {
  const code = await callFn<{ token: string }>(url, staff, 'checkin', 'code', { activityId, mode: 'in' });
  if (!code.ok) throw new Error(code.error.message);
  return code.data.token;
}

test('a runtime killed during a burst of sign-ins keeps every acknowledged one and takes new ones after a restart', async () => {
  runtime = await startBenchRuntime({ dataDir });
  const now = Date.now();
  const { staff, activityId } = await publishAsStaff(runtime.url, {
    title: '崩溃恢复测试',
    kind: 'large_event',
    serviceArea: 'community',
    areaId: 'area1',
    communityId: 'comm1',
    place: '光复社区广场',
    startAt: new Date(now - 10 * 60_000).toISOString(),
    endAt: new Date(now + 2 * 3600_000).toISOString(),
    capacity: 200,
    bookingOpensAt: new Date(now - 3600_000).toISOString(),
    bookingClosesAt: new Date(now - 10 * 60_000).toISOString(),
  });
  const { openids: residents, tokens } = await registerResidents(runtime.url, 'oCrash', RESIDENTS, 8);
  const token = await scanCode(runtime.url, staff, activityId);

  // The burst. The kill is sent from inside the answer that makes KILL_AFTER acknowledged.
  const acknowledged = new Set<string>();
  const attempted = new Set<string>();
  let killing: Promise<void> | null = null;
  const first = runtime;
  await runConcurrently(
    residents.map((openid, i) => async () => {
      if (killing) return;
      attempted.add(openid);
      try {
        const answer = await callFn<{ outcome: string }>(first.url, tokens[i]!, 'checkin', 'scan', { token });
        if (!answer.ok) throw new Error(`${openid}: ${answer.error.code} ${answer.error.message}`);
        acknowledged.add(openid);
        if (acknowledged.size === KILL_AFTER) {
          killing = first.kill().then(() => {
            // What a kill in the middle of a journal write leaves: a record cut short.
            const segments = readdirSync(dataDir).filter((name) => /^journal-\d+\.jsonl$/.test(name));
            appendFileSync(
              path.join(dataDir, segments.sort().at(-1)!),
              '{"lsn":999999,"ops":[{"c":"attendance","put":{"_id":"torn',
            );
          });
        }
      } catch (error) {
        // The process died with this request in flight: never acknowledged, nothing promised.
        if (error instanceof Error && error.message.startsWith('oCrash')) throw error;
      }
    }),
    IN_FLIGHT,
  );
  await killing;
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(attempted.size).toBeLessThan(RESIDENTS); // the kill really was in the middle

  // Restart on the same folder.
  runtime = await startBenchRuntime({ dataDir });
  const url = runtime.url;
  const staffAgain = await login(url, 'oDemoSocial0001');
  const before = await callFn<Roster>(url, staffAgain, 'checkin', 'roster', { activityId });
  if (!before.ok) throw new Error(before.error.message);
  const signedIn = new Set(before.data.entries.filter((e) => e.signedInAt).map((e) => e.personId));
  // Every acknowledged sign-in is there; nothing appeared that nobody sent.
  expect([...acknowledged].filter((openid) => !signedIn.has(openid))).toEqual([]);
  expect([...signedIn].filter((openid) => !attempted.has(openid))).toEqual([]);
  expect(before.data.counts.signedIn).toBe(signedIn.size);

  // New sign-ins work (a new code: the secret that signs codes is per process), and those whose
  // answer was lost in the crash are told they are already signed in, not counted twice.
  const freshTokens = await Promise.all(residents.map((openid) => login(url, openid)));
  const freshCode = await scanCode(url, staffAgain, activityId);
  const outcomes = await Promise.all(
    residents.map((openid, i) =>
      callFn<{ outcome: string }>(url, freshTokens[i]!, 'checkin', 'scan', { token: freshCode }).then((answer) => {
        if (!answer.ok) throw new Error(`${openid} after the restart: ${answer.error.code}`);
        return [openid, answer.data.outcome] as const;
      }),
    ),
  );
  for (const [openid, outcome] of outcomes) {
    expect(outcome).toBe(signedIn.has(openid) ? 'already_signed_in' : 'signed_in');
  }
  const after = await callFn<Roster>(url, staffAgain, 'checkin', 'roster', { activityId });
  expect(after.ok && after.data.counts.signedIn).toBe(RESIDENTS);
  await runtime.stop();
  runtime = null;

  // The folder itself: it opens (the torn line dropped, nothing else damaged), and every
  // attendance record is whole — one per resident, each a valid document.
  const db = await openLocalDatabase({ dataDir, indexesFile: path.join(__dirname, '../../../config/db-indexes.json') });
  try {
    const records = (await db.dump('attendance')).filter((doc) => doc.activityId === activityId);
    expect(records.map((doc) => doc._id).sort()).toEqual(residents.map((openid) => `${activityId}.${openid}`).sort());
    for (const record of records) expect(attendanceDocSchema.safeParse(record).success).toBe(true);
  } finally {
    await db.close();
  }
});
