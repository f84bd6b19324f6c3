import { configureCloudEnv } from '../local/cloud-env';

/**
 * Baselines: the same work done the naive way — read, check, then write, with no unique key and
 * no conditional update — through the real SDK against the same database. They show what the
 * real implementation's design buys (no duplicates, no overbooking, fewer requests).
 */
export async function naiveDatabase(runtimeUrl: string) {
  configureCloudEnv(new URL('/__tcb', runtimeUrl).toString());
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the env is configured
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk');
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const db = cloud.database();
  for (const name of ['attendance_naive', 'bookings_naive']) {
    await db.createCollection(name).catch(() => undefined);
  }
  return db;
}
