/**
 * Exact fractions for the completion table (DOMAIN.md "Completion tables"): 完成量 ÷ 协议量 shown
 * as a percentage with two decimals, rounded half up. Seed 004's hand-made table prints 10 ÷ 6 as
 * 166.00% — a computed table exists to get this right, so no binary float ever decides a digit:
 * numbers are turned into fractions of big integers exactly as they are written (1000.25 is
 * 100025/100, not the nearest double), and the rounding is integer arithmetic.
 */

/** num / den, den > 0. Not reduced: only compared and rounded, never printed as a fraction. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export const ratio = (num: bigint | number, den: bigint | number = 1n): Ratio => {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d <= 0n) throw new RangeError('a ratio needs a positive denominator');
  return { num: n, den: d };
};

/**
 * A JavaScript number as the exact decimal it is written as (its shortest round-trip form, which
 * is what a person typed into a contract: 0.1 is 1/10, 1e-7 is 1/10000000). Targets and
 * displayed values are finite; anything else is a bug upstream.
 */
export function ratioOfNumber(value: number): Ratio {
  if (!Number.isFinite(value)) throw new RangeError('a ratio needs a finite number');
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`cannot read ${value} as a decimal`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = BigInt(fraction.length) - BigInt(exponent);
  return scale >= 0n ? ratio(digits, 10n ** scale) : ratio(digits * 10n ** -scale, 1n);
}

export const isZero = (r: Ratio): boolean => r.num === 0n;

/** a ≥ b, exactly. */
export const atLeast = (a: Ratio, b: Ratio): boolean => a.num * b.den >= b.num * a.den;

export const times = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);

/**
 * A non-negative fraction in hundredths, rounded half up: floor(x × 100 + ½) on integers.
 * 2/3 → 67, 1/8 → 13 (12.5 rounds up), 10/6 → 167.
 */
export function hundredthsHalfUp(value: Ratio): bigint {
  if (value.num < 0n) throw new RangeError('only non-negative values are rounded here');
  return (value.num * 200n + value.den) / (2n * value.den);
}

/** Hundredths as "166.67" (two decimals always). */
export function formatHundredths(hundredths: bigint): string {
  const whole = hundredths / 100n;
  const cents = hundredths % 100n;
  return `${whole}.${cents.toString().padStart(2, '0')}`;
}

/** A value with two decimals, rounded half up: 1/3 → "0.33", 3024.85 → "3024.85". */
export const formatTwoDecimals = (value: Ratio): string => formatHundredths(hundredthsHalfUp(value));

/**
 * part ÷ whole as a percentage with two decimals, rounded half up: 10 ÷ 6 → "166.67%",
 * 1 ÷ 3 → "33.33%", 2 ÷ 3 → "66.67%", 1 ÷ 8 → "12.50%". Null when the whole is zero: a
 * percentage of nothing is not a number anyone can check.
 */
export function percentText(part: Ratio, whole: Ratio): string | null {
  if (isZero(whole)) return null;
  if (whole.num < 0n) throw new RangeError('a percentage of a negative whole is not defined here');
  // part/whole × 100 = (part.num × whole.den × 100) / (part.den × whole.num)
  const value = ratio(part.num * whole.den * 100n, part.den * whole.num);
  return `${formatTwoDecimals(value)}%`;
}

/** A percentage text's number: "166.67%" → 166.67 (for clients that sort or chart). */
export const percentNumber = (text: string): number => Number(text.replace(/%$/, ''));
