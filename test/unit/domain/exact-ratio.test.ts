import fc from 'fast-check';
import {
  atLeast,
  formatTwoDecimals,
  percentText,
  ratio,
  ratioOfNumber,
  times,
} from '../../../cloudfunctions/_shared/domain/exact-ratio';

const pct = (part: number, whole: number) => percentText(ratioOfNumber(part), ratioOfNumber(whole));

describe('completion as a percentage, two decimals, half up', () => {
  it.each([
    [10, 6, '166.67%'], // seed 004 printed 166.00%
    [1, 3, '33.33%'],
    [2, 3, '66.67%'],
    [1, 8, '12.50%'],
    [1753, 800, '219.13%'], // seed 004
    [8387, 5600, '149.77%'],
    [29, 60, '48.33%'],
    [144, 300, '48.00%'],
    [11, 21, '52.38%'],
    [385, 525, '73.33%'],
    [6, 8, '75.00%'],
    [800, 800, '100.00%'],
    [1505, 900, '167.22%'],
    [72, 70, '102.86%'],
    [59, 88, '67.05%'],
    [62, 70, '88.57%'],
    [0, 5, '0.00%'],
    [1, 200000, '0.00%'], // 0.0005% rounds down
    [1, 20000, '0.01%'], // 0.005% is the tie: half up
    [3024.85, 2000, '151.24%'], // hours with two decimals: 151.2425% → .24
    [0.3, 0.1, '300.00%'], // 0.3/0.1 in floats is 2.9999999999999996
    [1.005, 1, '100.50%'], // 1.005 × 100 in floats is 100.49999999999999
    [2.675, 100, '2.68%'], // 2.675 is 2.67499999… as a double; as written it is a tie → up
  ])('%d ÷ %d = %s', (part, whole, expected) => {
    expect(pct(part, whole)).toBe(expected);
  });

  it('has no percentage of a zero target', () => {
    expect(pct(5, 0)).toBeNull();
  });

  it('reads numbers as the decimals they are written as', () => {
    expect(ratioOfNumber(0.1)).toEqual(ratio(1, 10));
    expect(ratioOfNumber(1000.25)).toEqual(ratio(100025, 100));
    expect(ratioOfNumber(1e-7)).toEqual(ratio(1, 10_000_000));
    expect(ratioOfNumber(1e21)).toEqual(ratio(10n ** 21n, 1));
    expect(() => ratioOfNumber(Number.NaN)).toThrow(RangeError);
  });

  it('compares and multiplies exactly', () => {
    expect(atLeast(ratio(1, 3), ratio(333, 1000))).toBe(true);
    expect(atLeast(ratio(333, 1000), ratio(1, 3))).toBe(false);
    expect(formatTwoDecimals(times(ratio(800), ratio(97, 220)))).toBe('352.73');
  });
});

/**
 * A reference that shares nothing with the implementation: long division to three decimals of a
 * percent and a look at the remainder, the way a person rounds by hand.
 */
function byHand(part: bigint, whole: bigint): string {
  const scaled = part * 100n; // percent
  const intPart = scaled / whole;
  let rest = scaled % whole;
  const digits: bigint[] = [];
  for (let i = 0; i < 3; i += 1) {
    rest *= 10n;
    digits.push(rest / whole);
    rest %= whole;
  }
  // Round on the third digit (and anything after it): ≥ 5 goes up.
  let hundredths = intPart * 100n + digits[0]! * 10n + digits[1]!;
  if (digits[2]! >= 5n) hundredths += 1n;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}%`;
}

describe('property: the percentage equals rounding by hand', () => {
  it('for integer done and target', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (part, whole) => {
        expect(percentText(ratio(part), ratio(whole))).toBe(byHand(part, whole));
      }),
      { numRuns: 2000 },
    );
  });

  it('for two-decimal done (hours) and integer targets, given as JavaScript numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000 }), (cents, target) => {
        const done = cents / 100; // what the table shows, e.g. 3024.85
        // done ÷ target = cents ÷ (target × 100)
        expect(percentText(ratioOfNumber(done), ratioOfNumber(target))).toBe(
          byHand(BigInt(cents), BigInt(target) * 100n),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
