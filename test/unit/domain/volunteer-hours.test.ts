import fc from 'fast-check';
import {
  computeServiceHours,
  countedMinutes,
  DEFAULT_GRACE_MINUTES,
  formatHours,
  mergeIntervals,
  roundHours,
  sumHours,
  unionMinutes,
} from '../../../cloudfunctions/_shared/domain/volunteer-hours';

/** An activity from 14:00 to 16:00 China time, with the default half hour either side. */
const at = (time: string) => new Date(`2026-11-24T${time}+08:00`);
const window = { startAt: at('14:00:00'), endAt: at('16:00:00') };
const compute = (signedInAt: Date, signedOutAt?: Date, graceMinutes = DEFAULT_GRACE_MINUTES) =>
  computeServiceHours({ signedInAt, signedOutAt, window, graceMinutes });

describe('computeServiceHours', () => {
  it('counts the time between the scans inside the window', () => {
    expect(compute(at('14:00:00'), at('15:31:00'))).toEqual({
      status: 'computed',
      minutes: 91,
      hours: 1.52,
      clipped: false,
      counted: { start: at('14:00:00'), end: at('15:31:00') },
    });
  });
  it('counts set-up and clearing away within the grace', () => {
    expect(compute(at('13:30:00'), at('16:30:00'))).toMatchObject({ minutes: 180, clipped: false });
  });
  it('clips time before and after the grace, and says so', () => {
    expect(compute(at('13:00:00'), at('17:00:00'))).toMatchObject({ minutes: 180, hours: 3, clipped: true });
    expect(compute(at('13:00:00'), at('17:00:00'), 0)).toMatchObject({ minutes: 120, clipped: true });
  });
  it('counts whole minutes served: a part minute at either end is not counted', () => {
    expect(compute(at('13:58:40'), at('15:30:10'))).toMatchObject({
      minutes: 91,
      counted: { start: at('13:59:00'), end: at('15:30:00') },
    });
  });
  it('computes 0 minutes, not a review, for signing in and straight out again', () => {
    expect(compute(at('14:10:05'), at('14:10:50'))).toMatchObject({ status: 'computed', minutes: 0, hours: 0 });
  });
  it('never invents a number for a missing sign-out', () => {
    expect(compute(at('14:00:00'))).toEqual({ status: 'needs_review', reason: 'MISSING_SIGN_OUT' });
  });
  it('sends a sign-out before the sign-in to review', () => {
    expect(compute(at('15:00:00'), at('14:00:00'))).toEqual({
      status: 'needs_review',
      reason: 'SIGN_OUT_BEFORE_SIGN_IN',
    });
  });
  it('sends scans entirely outside the widened window to review', () => {
    expect(compute(at('10:00:00'), at('13:29:00'))).toEqual({ status: 'needs_review', reason: 'OUTSIDE_WINDOW' });
    expect(compute(at('16:31:00'), at('18:00:00'))).toEqual({ status: 'needs_review', reason: 'OUTSIDE_WINDOW' });
  });
  it('refuses a negative grace or an empty window as bugs upstream', () => {
    expect(() => compute(at('14:00:00'), at('15:00:00'), -1)).toThrow(RangeError);
    expect(() =>
      computeServiceHours({
        signedInAt: at('14:00:00'),
        signedOutAt: at('15:00:00'),
        window: { startAt: at('16:00:00'), endAt: at('16:00:00') },
        graceMinutes: 0,
      }),
    ).toThrow(RangeError);
  });
});

describe('roundHours, formatHours and sumHours', () => {
  it('rounds half up to two decimals', () => {
    expect(roundHours(1)).toBe(0.02); // 0.0166…
    expect(roundHours(91)).toBe(1.52); // 1.5166…
    expect(roundHours(20)).toBe(0.33); // 0.3333…
    expect(roundHours(181491)).toBe(3024.85); // seed 004
  });
  it('prints two decimals always', () => {
    expect(formatHours(90)).toBe('1.50');
    expect(formatHours(0)).toBe('0.00');
    expect(formatHours(181491)).toBe('3024.85');
  });
  it('sums minutes first and converts once, so rounding never accumulates', () => {
    expect(sumHours([1, 1, 1])).toBe(0.05);
    expect([1, 1, 1].map(roundHours).reduce((a, b) => a + b)).not.toBe(0.05);
  });
  it('refuses fractional or negative minutes', () => {
    expect(() => roundHours(1.5)).toThrow(RangeError);
    expect(() => sumHours([30, -1])).toThrow(RangeError);
  });
});

describe('mergeIntervals and unionMinutes', () => {
  it('joins overlapping and touching spans and keeps separate ones apart', () => {
    const intervals = [
      { start: at('15:00:00'), end: at('16:00:00') },
      { start: at('14:00:00'), end: at('15:00:00') },
      { start: at('14:30:00'), end: at('14:45:00') },
      { start: at('18:00:00'), end: at('18:20:00') },
    ];
    expect(mergeIntervals(intervals)).toEqual([
      { start: at('14:00:00'), end: at('16:00:00') },
      { start: at('18:00:00'), end: at('18:20:00') },
    ]);
    expect(unionMinutes(intervals)).toBe(140);
  });
});

describe('countedMinutes', () => {
  const scan = { id: 'scan', start: at('14:00:00'), end: at('16:00:00') };
  const manual = { id: 'manual', start: at('15:00:00'), end: at('17:00:00') };

  it('counts an overlap once, for the entry that started first when none is approved', () => {
    expect(countedMinutes([manual, scan])).toEqual(
      new Map([
        ['scan', 120],
        ['manual', 60],
      ]),
    );
  });
  it('leaves an approved entry its minutes: a later entry only gets what is left', () => {
    const approvedManual = { ...manual, approvedAt: at('18:00:00') };
    expect(countedMinutes([scan, approvedManual])).toEqual(
      new Map([
        ['manual', 120],
        ['scan', 60],
      ]),
    );
  });
  it('gives the entry approved first the overlap when both are approved', () => {
    const counted = countedMinutes([
      { ...scan, approvedAt: at('19:00:00') },
      { ...manual, approvedAt: at('18:00:00') },
    ]);
    expect(counted.get('manual')).toBe(120);
    expect(counted.get('scan')).toBe(60);
  });
  it('refuses two entries with one id, which would hide a double count', () => {
    expect(() => countedMinutes([scan, scan])).toThrow(RangeError);
  });

  it('adds up to the union, never gives an entry more than its own minutes, whatever the input order', () => {
    const base = at('08:00:00').getTime();
    const entryArb = fc.record({
      offset: fc.integer({ min: 0, max: 600 }),
      length: fc.integer({ min: 0, max: 240 }),
      seconds: fc.integer({ min: 0, max: 59 }),
      approvedAfter: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 8 }), (specs) => {
        const entries = specs.map((s, i) => ({
          id: `e${i}`,
          start: new Date(base + (s.offset * 60 + s.seconds) * 1000),
          end: new Date(base + ((s.offset + s.length) * 60 + s.seconds) * 1000),
          approvedAt: s.approvedAfter === undefined ? undefined : new Date(base + s.approvedAfter * 60_000),
        }));
        const counted = countedMinutes(entries);
        const total = [...counted.values()].reduce((a, b) => a + b, 0);
        expect(total).toBe(unionMinutes(entries));
        for (const e of entries) expect(counted.get(e.id)).toBeLessThanOrEqual(unionMinutes([e]));
        expect(countedMinutes([...entries].reverse())).toEqual(counted);
      }),
      { seed: 20261124, numRuns: 200 },
    );
  });
});
