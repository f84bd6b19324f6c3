/**
 * The functions' only source of "now". In the cloud it is the system clock. The local runtime
 * may shift it (dev endpoint, tests of deadlines) — process-wide, like a machine's clock.
 */
let offsetMs = 0;
let pinnedMs: number | null = null;

export const clock = {
  now: (): Date => new Date(pinnedMs ?? Date.now() + offsetMs),
  /** Local runtime and tests only. */
  setOffset(ms: number): void {
    offsetMs = ms;
  },
  offset: (): number => offsetMs,
  /**
   * Tests only: stops the clock at an instant (null lets it run again), for a burst whose
   * length on a busy machine must not decide the outcome (e.g. a 30-second code expiring).
   */
  pin(at: Date | null): void {
    pinnedMs = at ? at.getTime() : null;
  },
};
