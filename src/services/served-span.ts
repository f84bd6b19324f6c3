import { inStation, stationIso } from './dayjs';

/**
 * Service time as a social worker types it for a volunteer's hours (录入时长, 更正): one day and
 * a start and end time on it, station time. Only the two instants are sent — the function
 * computes the minutes — so nothing here produces hours that are stored.
 * What must change together: types/actions/hours.ts (servedSpan: end after start, ≤ 24 h) and
 * cloudfunctions/hours (a span may not end in the future; 5 minutes of clock drift allowed).
 */
export interface SpanFields {
  /** `2026-11-23`. */
  date: string;
  /** `09:00`. */
  startTime: string;
  /** `10:30`; empty while unknown (a shift without a sign-out). */
  endTime: string;
}

export type SpanField = 'date' | 'startTime' | 'endTime';

export interface ServedSpan {
  startAt: string;
  endAt: string;
}

export type SpanCheck = { ok: true; span: ServedSpan } | { ok: false; field: SpanField; message: string };

/** The function accepts an end up to this far past its own clock (phones' clocks drift). */
export const FUTURE_SLACK_MS = 5 * 60_000;
const HALF_HOUR_MS = 30 * 60_000;

/**
 * A span that has surely ended, for a new entry: the hour before now, rounded down to the half
 * hour (10:10 → 09:00–10:00). Just after midnight, 09:00–10:00 yesterday instead.
 * Station time is UTC+8, a whole number of hours, so rounding the instant rounds the clock.
 */
export function defaultSpan(now: Date): SpanFields {
  const end = inStation(Math.floor(now.getTime() / HALF_HOUR_MS) * HALF_HOUR_MS);
  const start = end.subtract(1, 'hour');
  if (start.format('YYYY-MM-DD') !== end.format('YYYY-MM-DD')) {
    return { date: inStation(now).subtract(1, 'day').format('YYYY-MM-DD'), startTime: '09:00', endTime: '10:00' };
  }
  return { date: end.format('YYYY-MM-DD'), startTime: start.format('HH:mm'), endTime: end.format('HH:mm') };
}

/** An entry's times as the form shows them (a missing sign-out leaves the end empty). */
export function spanFieldsOf(startAt: string | null, endAt: string | null, servedAt: string): SpanFields {
  const start = inStation(startAt ?? servedAt);
  return {
    date: start.format('YYYY-MM-DD'),
    startTime: startAt ? start.format('HH:mm') : '',
    endTime:
      endAt && inStation(endAt).format('YYYY-MM-DD') === start.format('YYYY-MM-DD')
        ? inStation(endAt).format('HH:mm')
        : '',
  };
}

/** Checks the fields before sending, with the same rules the function applies. */
export function checkSpan(fields: SpanFields, now: Date): SpanCheck {
  if (!fields.date) return { ok: false, field: 'date', message: '请选择服务日期' };
  if (!fields.startTime) return { ok: false, field: 'startTime', message: '请选择开始时间' };
  if (!fields.endTime) return { ok: false, field: 'endTime', message: '请选择结束时间' };
  const span = { startAt: stationIso(fields.date, fields.startTime), endAt: stationIso(fields.date, fields.endTime) };
  if (Date.parse(span.endAt) <= Date.parse(span.startAt)) {
    return { ok: false, field: 'endTime', message: '结束时间须晚于开始时间' };
  }
  if (Date.parse(span.endAt) > now.getTime() + FUTURE_SLACK_MS) {
    return { ok: false, field: 'endTime', message: '结束时间不能晚于现在：服务结束后再录入' };
  }
  return { ok: true, span };
}

/** `1小时30分钟`, for the person to check what they typed (the function computes the record). */
export function spanLength(fields: SpanFields): string | null {
  if (!fields.date || !fields.startTime || !fields.endTime) return null;
  const minutes =
    (Date.parse(stationIso(fields.date, fields.endTime)) - Date.parse(stationIso(fields.date, fields.startTime))) /
    60_000;
  if (!(minutes > 0)) return null;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours > 0 ? `${hours}小时` : ''}${rest > 0 || hours === 0 ? `${rest}分钟` : ''}`;
}

/** Which form field a function's error path names: `span.endAt` → endTime. */
export function spanFieldOfPath(path: string): SpanField | undefined {
  if (path === 'span.startAt') return 'startTime';
  if (path === 'span.endAt' || path === 'span') return 'endTime';
  return undefined;
}
