import { AppError } from './app-error';
import { REQUEST_RETENTION_MS, retentionCutoff } from '../domain/retention';
import { requestsRepository } from '../repositories/requests';

/**
 * Runs a write at most once per (caller, action, requestId). The first call claims the key by
 * inserting a pending record (the unique _id makes the claim atomic), runs, and stores the
 * answer; a replay returns the stored answer, including a refusal. A concurrent duplicate that
 * finds the claim still pending is told to wait. Unexpected failures release the claim so a
 * retry can do the work.
 */
export async function withIdempotency<T>(
  actionKey: string,
  openid: string,
  requestId: string,
  now: Date,
  run: () => Promise<T>,
): Promise<T> {
  const key = `${actionKey}.${openid}.${requestId}`;
  const claimed = await requestsRepository.claim(key, now);
  if (!claimed) {
    const previous = await requestsRepository.find(key);
    if (previous?.state === 'done' && previous.response) {
      if (previous.response.ok) return previous.response.data as T;
      throw new AppError(previous.response.error.code, previous.response.error.message, previous.response.error.fields);
    }
    throw new AppError('CONFLICT', '该请求正在处理，请稍候');
  }
  try {
    const data = await run();
    await requestsRepository.complete(key, { ok: true, data });
    return data;
  } catch (error) {
    if (error instanceof AppError && error.code !== 'INTERNAL') {
      await requestsRepository.complete(key, {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
      });
    } else {
      await requestsRepository.release(key);
    }
    throw error;
  }
}

/** The cloud's largest page: one read and one remove per thousand records. */
const REQUEST_BATCH = 1000;

/**
 * The nightly clean-up of idempotency records: one is made per write (some hold a QR image in
 * their stored answer), and a retry comes within minutes, so records older than a week
 * (domain/retention.ts) are deleted. A replay of an id after that is done as a new request — by
 * then it is one. Batches of 1000 until none are left or `deadline` (real time, ms) has passed; at
 * least one batch a night. Answers how many it deleted.
 */
export async function purgeOldRequests(now: Date, deadline: number): Promise<number> {
  const cutoff = retentionCutoff(now, REQUEST_RETENTION_MS);
  let purged = 0;
  for (;;) {
    const removed = await requestsRepository.removeCreatedBefore(cutoff, REQUEST_BATCH);
    purged += removed;
    if (removed < REQUEST_BATCH || Date.now() >= deadline) return purged;
  }
}
