/**
 * How long records that exist only for a while are kept (docs/files.md, docs/access.md). The
 * nightly run (cloudfunctions/rollups) deletes what is older; it runs once a day, so a record is
 * gone between one window and one window plus a day after it was made — never sooner.
 */

const HOUR_MS = 3600_000;

/**
 * Generated files (exports): their link works 10 minutes, and the app downloads it at once; a day
 * leaves room for an operator to look into "the file I got was wrong" on the day, and no more —
 * the files hold names and sign-ins.
 */
export const GENERATED_FILE_RETENTION_MS = 24 * HOUR_MS;

/**
 * Idempotency records (`requests`): a client retries a write within seconds or minutes (a lost
 * answer, a tap again after a timeout; useAction keeps an intent's id only until it succeeds). A
 * week covers a phone that was offline over a weekend and retries on Monday; the same id after that
 * is no longer a retry anyone makes, and each record may hold the answer's personal data.
 */
export const REQUEST_RETENTION_MS = 7 * 24 * HOUR_MS;

/**
 * Records created before this instant (strictly: `createdAt < cutoff`, as the clean-ups query) are
 * past `windowMs` at `now`; one made exactly a window ago stays until the next night.
 */
export const retentionCutoff = (now: Date, windowMs: number): Date => new Date(now.getTime() - windowMs);
