import { naiveDatabase } from './naive-db';
import {
  callFn,
  dbStats,
  percentiles,
  publishAsStaff,
  registerResidents,
  round,
  runConcurrently,
  startBenchRuntime,
} from './runtime-client';
import type { BenchResult } from './run';

const RESIDENTS = 1000;
const CONCURRENCY = 50;
/** Budget from the performance issue: database requests per sign-in. */
export const REQUESTS_PER_SIGN_IN_BUDGET = 3;

/** 1, 2 or 3 scans per resident, deterministic (people scan again when unsure it worked). */
const scansFor = (i: number) => 1 + ((i * 7) % 3);

/**
 * Sign-in burst: 1000 residents sign in to one activity, each scanning 1–3 times, through the
 * local function host over HTTP (a runtime in its own process, journal on disk, fsync per
 * write). Against it, the naive way: read activity, booking and attendance, insert if none.
 */
export async function benchSignInBurst(): Promise<BenchResult> {
  const runtime = await startBenchRuntime();
  try {
    const now = Date.now();
    const { staff, activityId } = await publishAsStaff(runtime.url, {
      title: '签到压力测试',
      kind: 'large_event',
      serviceArea: 'community',
      areaId: 'area1',
      communityId: 'comm1',
      place: '光复社区广场',
      startAt: new Date(now - 10 * 60_000).toISOString(),
      endAt: new Date(now + 2 * 3600_000).toISOString(),
      capacity: 2000,
      bookingOpensAt: new Date(now - 3600_000).toISOString(),
      bookingClosesAt: new Date(now - 10 * 60_000).toISOString(),
    });

    const { openids: residents, tokens } = await registerResidents(runtime.url, 'oBurst', RESIDENTS, CONCURRENCY);

    const code = await callFn<{ token: string }>(runtime.url, staff, 'checkin', 'code', { activityId, mode: 'in' });
    if (!code.ok) throw new Error(code.error.message);
    const scans = residents.flatMap((_, i) => Array.from({ length: scansFor(i) }, () => i));
    await dbStats(runtime.url, true);
    const started = performance.now();
    const outcomes: string[] = [];
    const latencies = await runConcurrently(
      scans.map((i) => async () => {
        const result = await callFn<{ outcome: string }>(runtime.url, tokens[i]!, 'checkin', 'scan', {
          token: code.data.token,
        });
        outcomes.push(result.ok ? result.data.outcome : result.error.code);
      }),
      CONCURRENCY,
    );
    const seconds = (performance.now() - started) / 1000;
    const stats = await dbStats(runtime.url);
    const roster = await callFn<{ counts: { signedIn: number } }>(runtime.url, staff, 'checkin', 'roster', {
      activityId,
    });
    const signedIn = roster.ok ? roster.data.counts.signedIn : -1;

    // The naive baseline, same scans, same database.
    const db = await naiveDatabase(runtime.url);
    await dbStats(runtime.url, true);
    const naiveStarted = performance.now();
    const naiveLatencies = await runConcurrently(
      scans.map((i) => async () => {
        const personId = residents[i]!;
        await db.collection('activities').where({ _id: activityId }).get();
        await db.collection('bookings').where({ activityId, personId }).get();
        const existing = await db.collection('attendance_naive').where({ activityId, personId }).get();
        if ((existing as { data: unknown[] }).data.length === 0) {
          await db.collection('attendance_naive').add({ data: { activityId, personId, signedInAt: new Date() } });
        }
      }),
      CONCURRENCY,
    );
    const naiveSeconds = (performance.now() - naiveStarted) / 1000;
    const naiveStats = await dbStats(runtime.url);
    const naiveRecords = ((await db.collection('attendance_naive').where({ activityId }).count()) as { total: number })
      .total;

    return {
      name: `Sign-in burst: ${RESIDENTS} residents, ${scans.length} scans, ${CONCURRENCY} in flight, over HTTP`,
      rows: [
        {
          variant: 'Linli (checkin.scan)',
          scans: scans.length,
          ...percentiles(latencies),
          scansPerSecond: round(scans.length / seconds),
          dbRequestsPerScan: round(stats.requests / scans.length, 2),
          budgetPerScan: REQUESTS_PER_SIGN_IN_BUDGET,
          attendanceRecords: signedIn,
          duplicates: signedIn - RESIDENTS,
          errors: outcomes.filter((o) => !o.includes('signed_in')).length,
        },
        {
          variant: 'naive (read, check, insert)',
          scans: scans.length,
          ...percentiles(naiveLatencies),
          scansPerSecond: round(scans.length / naiveSeconds),
          dbRequestsPerScan: round(naiveStats.requests / scans.length, 2),
          budgetPerScan: REQUESTS_PER_SIGN_IN_BUDGET,
          attendanceRecords: naiveRecords,
          duplicates: naiveRecords - RESIDENTS,
          errors: 0,
        },
      ],
      notes: [
        'latency in ms, measured by the client; the runtime runs in its own process with its journal on disk',
        'Linli counts include reading the caller profile; a repeat scan is answered from the same aggregation without a write',
      ],
    };
  } finally {
    await runtime.stop();
  }
}
