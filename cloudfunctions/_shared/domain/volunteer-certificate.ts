import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HourEntryStatus } from './hour-entries';
import { formatHours, sumMinutes } from './volunteer-hours';

/**
 * 志愿服务记录证明: the certificate a station issues from its own records (谁记录谁证明). What it
 * states follows the national guidance on such certificates: who the volunteer is (name, ID number
 * partly hidden), the service (date, content, hours — actual service time, travel excluded), who
 * issues it, and its number and date. The seal and signatures go on the printed page.
 *
 * A printed certificate is checked later by its number and its verification code together. The
 * number alone is not enough: numbers run in sequence, so anyone could walk through them and read
 * other people's records; the code (a MAC of the content) is what nobody can guess, and it also
 * proves the content was not changed after issue.
 *
 * What must change together: the volunteer function stores the content exactly as returned here
 * with its number, draws `sequence` from a per-station, per-year counter, and verifies by
 * recomputing the digest from the stored content; changing anything the digest covers, or the
 * label, makes certificates already printed fail verification, so such a change gets a new label
 * (…-v2) and verification tries the label the certificate was issued under.
 */

export const CERTIFICATE_TITLE = '志愿服务记录证明';

const NUMBER_PATTERN = /^LL-([A-Z0-9]{2,8})-(\d{4})-(\d{6})$/;
const MAX_SEQUENCE = 999_999;

export interface CertificateNumberParts {
  /** The station's short code, 2–8 capital letters or digits (ST01). */
  stationCode: string;
  /** The year of issue, China time. */
  year: number;
  /** 1…999999, per station and year. */
  sequence: number;
}

/**
 * LL-ST01-2026-000123. Fixed widths, so within a station and year the text order is the issue
 * order, and every certificate has exactly one spelling to look up.
 */
export function certificateNumber({ stationCode, year, sequence }: CertificateNumberParts): string {
  const number = `LL-${stationCode}-${year}-${String(sequence).padStart(6, '0')}`;
  // The station code and the counter come from our own data; a bad one is a bug, not input.
  if (!NUMBER_PATTERN.test(number) || !Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError('certificate number parts out of range');
  }
  return number;
}

/** Reads a number as someone types it from paper: spaces around and lower case are forgiven. */
export function parseCertificateNumber(text: string): CertificateNumberParts | null {
  const match = NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, stationCode = '', year = '', sequence = ''] = match;
  const parts = { stationCode, year: Number(year), sequence: Number(sequence) };
  return parts.sequence >= 1 ? parts : null;
}

/** One service entry as it goes on a certificate. */
export interface CertificateEntry {
  entryId: string;
  /** Must be 'approved': stated by the caller, checked here. */
  status: HourEntryStatus;
  /** When the service took place. */
  date: Date;
  /** What the service was: the activity's title, or the manual entry's description. */
  activityTitle: string;
  /** Counted minutes (hour-entries.ts, countedEntryMinutes): overlapping time appears once. */
  minutes: number;
}

export interface CertificateInput {
  number: string;
  /**
   * `idMasked` is the identity line as printed, with its kind: `身份证号 4401**********123X`, or
   * `手机 139****0021` where no ID number is collected.
   */
  volunteer: { name: string; idMasked: string };
  station: { name: string };
  entries: readonly CertificateEntry[];
  issuedAt: Date;
}

export interface CertificateRow {
  /** YYYY-MM-DD, China time. */
  date: string;
  content: string;
  minutes: number;
  /** Two decimals. */
  hours: string;
}

export interface CertificateContent {
  title: typeof CERTIFICATE_TITLE;
  number: string;
  volunteer: { name: string; idMasked: string };
  rows: CertificateRow[];
  total: { minutes: number; hours: string };
  station: string;
  /** YYYY-MM-DD, China time. */
  issuedOn: string;
  /** The sentence the certificate states, with the total. */
  statement: string;
}

/**
 * What the certificate says. Only approved latest versions may go on it: a superseded version
 * carries status 'superseded', so checking for 'approved' also keeps old versions off, and an
 * entry listed twice is refused — both would be a certificate that is not true, so they throw.
 *
 * Rows are ordered by date, then content. Each row shows its hours to two decimals; the total is
 * the sum of the minutes converted once, so it may differ by a hundredth from adding the printed
 * rows, and it is the total that is right. Entries that count 0 minutes (time already on another
 * row) are left off.
 */
export function certificateContent(input: CertificateInput): CertificateContent {
  const { number, volunteer, station, entries, issuedAt } = input;
  const parts = parseCertificateNumber(number);
  const issuedOn = stationDate(issuedAt);
  if (!parts || certificateNumber(parts) !== number) throw new RangeError('not a certificate number');
  if (String(parts.year) !== issuedOn.slice(0, 4)) throw new RangeError('certificate number is of another year');
  // The full 18-character ID number never goes on paper we print (PIPL); masking is the caller's.
  if (/\d{17}[\dXx]/.test(volunteer.idMasked)) throw new RangeError('idMasked holds a full ID number');
  if (entries.some((e) => e.status !== 'approved')) throw new RangeError('only approved entries go on a certificate');
  if (new Set(entries.map((e) => e.entryId)).size !== entries.length) throw new RangeError('an entry is listed twice');

  // Summing first also refuses fractional or negative minutes, before any row is made of them.
  const totalMinutes = sumMinutes(entries.map((e) => e.minutes));
  const rows = entries
    .filter((e) => e.minutes > 0)
    .map((e) => ({ date: stationDate(e.date), content: e.activityTitle.trim(), minutes: e.minutes }))
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.content, b.content) || a.minutes - b.minutes)
    .map((row) => ({ ...row, hours: formatHours(row.minutes) }));
  const total = { minutes: totalMinutes, hours: formatHours(totalMinutes) };
  return {
    title: CERTIFICATE_TITLE,
    number,
    volunteer: { name: volunteer.name, idMasked: volunteer.idMasked },
    rows,
    total,
    station: station.name,
    issuedOn,
    statement:
      `兹证明${volunteer.name}（${volunteer.idMasked}）在${station.name}参加志愿服务${rows.length}次，` +
      `累计服务时长${total.hours}小时。服务时长为实际服务时间，不含往返途中时间。`,
  };
}

/**
 * 16 characters of Crockford base32 = 80 bits of HMAC-SHA256, printed in groups of four
 * (7K3M-Q9XD-2HBT-8W0R). Checking is one lookup per guess: even a million guesses a day for ten
 * years (~2^42) finds a given certificate's code with a chance near 3e-12. Crockford's alphabet
 * has no I, L, O or U, so a code copied from paper by hand is read back the same.
 */
const DIGEST_LENGTH = 16;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** As signin-token.ts: a short or placeholder secret would let anyone make valid codes. */
const MIN_SECRET_BYTES = 16;

/** The verification code printed beside the number. */
export function certificateDigest(content: CertificateContent, secret: string): string {
  return (mac(content, secret).match(/.{4}/g) ?? []).join('-');
}

/**
 * Whether a code read off paper belongs to this content. Forgiving as people type: hyphens,
 * spaces, lower case, and O/I/L for 0/1/1 (Crockford's reading rules). Constant-time compare.
 */
export function verifyCertificateDigest(content: CertificateContent, secret: string, given: string): boolean {
  const normalised = given.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const expected = mac(content, secret);
  if (normalised.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(normalised, 'latin1'));
}

/**
 * HMAC over everything the certificate states, in a fixed order (a JSON array, so no key order
 * can change it), under a label that keeps it apart from other MACs made with the same secret.
 * The statement is left out: it is made from the fields, and its wording may be improved without
 * invalidating certificates already out.
 */
function mac(content: CertificateContent, secret: string): string {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new RangeError(`certificate secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  const message = JSON.stringify([
    'linli-certificate-v1',
    content.number,
    content.volunteer.name,
    content.volunteer.idMasked,
    content.station,
    content.issuedOn,
    content.rows.map((r) => [r.date, r.content, r.minutes]),
    content.total.minutes,
  ]);
  return base32(createHmac('sha256', secret).update(message).digest()).slice(0, DIGEST_LENGTH);
}

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The calendar day in China (UTC+8 all year, no daylight saving), as the certificate prints it. */
function stationDate(date: Date): string {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
