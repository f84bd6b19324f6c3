import { randomBytes } from 'node:crypto';

/**
 * Document ids in the shape the cloud generates: 32 lowercase hex characters — 8 random, 8 of the
 * creation time in seconds, then a counter and random tail (e.g. "2c9645925f8f097d001dd5170f0b7727").
 * Like the cloud's, they are unique but NOT ordered by creation time across documents: code
 * must not sort by _id to get insertion order.
 */

/** Random bytes are drawn from a pool: one randomBytes call per id made seeding 100k docs take a second. */
const POOL_SIZE = 9 * 1024;
let pool = randomBytes(POOL_SIZE);
let poolOffset = 0;
let counter = pool.readUIntBE(0, 3);

function random(bytes: number): string {
  if (poolOffset + bytes > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + bytes);
  poolOffset += bytes;
  return hex;
}

export function generateId(now: number = Date.now()): string {
  counter = (counter + 1) % 0x1000000;
  const seconds = Math.floor(now / 1000) % 0x100000000;
  return random(4) + seconds.toString(16).padStart(8, '0') + counter.toString(16).padStart(6, '0') + random(5);
}
