/**
 * The functions' only source of "now". In the cloud it is the system clock. The local runtime
 * may shift it (dev endpoint, tests of deadlines) — process-wide, like a machine's clock.
 */
let offsetMs = 0;

export const clock = {
  now: (): Date => new Date(Date.now() + offsetMs),
  /** Local runtime and tests only. */
  setOffset(ms: number): void {
    offsetMs = ms;
  },
  offset: (): number => offsetMs,
};
