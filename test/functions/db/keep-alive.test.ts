import { startSdk, type Database } from './sdk-client';
import type { TestDatabase } from '../../support/database';

/**
 * The SDK reuses a connection that has been idle for up to 4.8 s. Locally it shares its process
 * with the database server, so a long synchronous step (a big aggregation, a heavy request)
 * stalls both: with Node's default 5 s idle timeout the server then closed the connection the
 * SDK had just written its next request on, and that request failed with ECONNRESET (the
 * function answered INTERNAL; found by the fuzz test). local/db/http.ts keepIdleConnectionsForSdk.
 */

let server: TestDatabase;
let db: Database;
beforeAll(async () => {
  ({ server, db } = await startSdk());
});
afterAll(() => server.close());

jest.setTimeout(30_000);

/** A synchronous step that keeps the process busy (the event loop does not run meanwhile). */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

test('a request sent right after the process was busy for 6 s is answered', async () => {
  await db.collection('items').count();
  busy(6_000);
  await expect(db.collection('items').count()).resolves.toEqual(expect.objectContaining({ total: 0 }));
});
