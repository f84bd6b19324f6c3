import { naiveDatabase } from './naive-db';
import {
  callFn,
  percentiles,
  publishAsStaff,
  registerResidents,
  round,
  runConcurrently,
  startBenchRuntime,
} from './runtime-client';
import type { BenchResult } from './run';

const RESIDENTS = 1000;
const SEATS = 50;
const CONCURRENCY = 100;

/**
 * Booking contention: 1000 residents book 50 seats at once, through the local function host
 * over HTTP. Against it, the naive way: read the seats taken, and if one is free, write
 * "taken + 1" — the lost-update race every overbooking comes from.
 */
export async function benchBookingContention(): Promise<BenchResult> {
  const runtime = await startBenchRuntime();
  try {
    const now = Date.now();
    const draft = {
      title: '热门活动抢票',
      kind: 'small_event',
      serviceArea: 'community',
      areaId: 'area1',
      communityId: 'comm1',
      place: '光复社区活动室',
      startAt: new Date(now + 48 * 3600_000).toISOString(),
      endAt: new Date(now + 50 * 3600_000).toISOString(),
      capacity: SEATS,
      bookingOpensAt: new Date(now - 3600_000).toISOString(),
      bookingClosesAt: new Date(now + 47 * 3600_000).toISOString(),
    };
    const { activityId } = await publishAsStaff(runtime.url, draft);
    const { openids: residents, tokens } = await registerResidents(runtime.url, 'oBook', RESIDENTS, CONCURRENCY);

    const statuses: string[] = [];
    const started = performance.now();
    const latencies = await runConcurrently(
      tokens.map((token) => async () => {
        const result = await callFn<{ booking: { status: string } }>(runtime.url, token, 'activity', 'book', {
          activityId,
        });
        statuses.push(result.ok ? result.data.booking.status : result.error.code);
      }),
      CONCURRENCY,
    );
    const seconds = (performance.now() - started) / 1000;
    const confirmed = statuses.filter((s) => s === 'confirmed').length;

    const db = await naiveDatabase(runtime.url);
    const naive = await db
      .collection('activities')
      .add({ data: { _id: 'NaiveAct01', stationId: 'st-lingnan', seatsTaken: 0, capacity: SEATS } });
    void naive;
    let naiveConfirmed = 0;
    const naiveStarted = performance.now();
    const naiveLatencies = await runConcurrently(
      residents.map((personId) => async () => {
        const { data } = (await db.collection('activities').doc('NaiveAct01').get()) as unknown as {
          data: { seatsTaken: number };
        };
        if (data.seatsTaken < SEATS) {
          await db
            .collection('activities')
            .doc('NaiveAct01')
            .update({ data: { seatsTaken: data.seatsTaken + 1 } });
          await db
            .collection('bookings_naive')
            .add({ data: { activityId: 'NaiveAct01', personId, status: 'confirmed' } });
          naiveConfirmed += 1;
        }
      }),
      CONCURRENCY,
    );
    const naiveSeconds = (performance.now() - naiveStarted) / 1000;

    return {
      name: `Booking contention: ${RESIDENTS} concurrent bookings for ${SEATS} seats, ${CONCURRENCY} in flight, over HTTP`,
      rows: [
        {
          variant: 'Linli (activity.book)',
          bookings: RESIDENTS,
          ...percentiles(latencies),
          bookingsPerSecond: round(RESIDENTS / seconds),
          confirmed,
          waitlisted: statuses.filter((s) => s === 'waitlisted').length,
          overbooked: Math.max(0, confirmed - SEATS),
          invariantHolds: confirmed === SEATS,
        },
        {
          variant: 'naive (read seats, write taken+1)',
          bookings: RESIDENTS,
          ...percentiles(naiveLatencies),
          bookingsPerSecond: round(RESIDENTS / naiveSeconds),
          confirmed: naiveConfirmed,
          waitlisted: 0,
          overbooked: Math.max(0, naiveConfirmed - SEATS),
          invariantHolds: naiveConfirmed === SEATS,
        },
      ],
      notes: [
        'latency in ms, measured by the client; the rest of the 1000 are waitlisted in Linli, turned away in the naive version',
      ],
    };
  } finally {
    await runtime.stop();
  }
}
