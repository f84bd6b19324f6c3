/**
 * Masking of personal data for everyone who does not need the full value (seed 002 信息保密制度,
 * PIPL). One place, so every list and export masks the same way.
 */

/** 13812341234 → 138****1234. Anything not a full mobile number is masked whole. */
export function maskPhone(phone: string): string {
  return /^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/** 张三丰 → 张**; a one-character name stays as its surname-like first character plus *. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
