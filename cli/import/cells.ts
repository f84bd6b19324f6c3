import type { Cell } from './sheet';

/**
 * Reading one cell as the column expects it. Each reader answers the value, or a message in
 * Chinese saying what the cell should hold. Times are China time (Asia/Shanghai, no daylight
 * saving): a station's 台账 never says otherwise.
 */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Excel's day 0 (1900 date system, with its 1900-02-29 quirk folded in): 1899-12-30. */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

export interface CellContext {
  /** The workbook counts days from 1904 (old Mac Excel). */
  date1904: boolean;
}

export const isBlank = (cell: Cell): boolean => cell === null || (typeof cell === 'string' && cell.trim() === '');

export function readText(cell: Cell, max: number): Read<string> {
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (text === '') return fail('不能为空');
  if ([...text].length > max) return fail(`不超过${max}个字`);
  return ok(text);
}

export function readInteger(cell: Cell, min: number, max: number): Read<number> {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim()) : NaN;
  if (!Number.isInteger(n)) return fail('应为整数');
  if (n < min || n > max) return fail(`应在${min}到${max}之间`);
  return ok(n);
}

/** A number of hours such as 2 or 2.5, at most two decimals (hours are kept to two decimals). */
export function readHours(cell: Cell): Read<number> {
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return fail('应为小时数，如 2 或 2.5（最多两位小数）');
  const hours = Number(text);
  if (hours <= 0 || hours > 24) return fail('应大于0且不超过24小时');
  return ok(hours);
}

/** A mainland mobile number: 11 digits (spaces and hyphens allowed). */
export function readPhone(cell: Cell): Read<string> {
  const digits = String(cell ?? '').replace(/[\s-]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) ? ok(digits) : fail('应为11位手机号');
}

/** The last four digits of a phone, or a whole number (whose last four are taken). */
export function readPhoneOrTail(cell: Cell): Read<{ phone?: string; tail: string }> {
  const digits = String(cell ?? '').replace(/[\s-]/g, '');
  if (/^\d{4}$/.test(digits)) return ok({ tail: digits });
  if (/^1[3-9]\d{9}$/.test(digits)) return ok({ phone: digits, tail: digits.slice(-4) });
  return fail('应为11位手机号或手机号后四位');
}

/** A calendar day, YYYY-MM-DD (also 2024/3/5, 2024年3月5日, or an Excel date). */
export function readDay(cell: Cell, context: CellContext): Read<string> {
  if (typeof cell === 'number') {
    const day = Math.floor(cell);
    if (day < 1 || day > 200000) return fail('不是有效的日期');
    return ok(isoDay(excelEpoch(context) + day * DAY_MS));
  }
  const text = typeof cell === 'string' ? cell.trim() : '';
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return fail('应为日期，如 2024-03-05');
  return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * A moment: 2024-03-05 14:30 (seconds optional; / . 年月日 also read), or an Excel date-time.
 * A bare day is refused: a time of day is part of the record.
 */
export function readDateTime(cell: Cell, context: CellContext): Read<Date> {
  if (typeof cell === 'number') {
    if (cell < 1 || cell > 200000) return fail('不是有效的日期时间');
    // Serial days from Excel's epoch, as wall-clock time in China: minutes rounded to absorb float noise.
    const wall = excelEpoch(context) + Math.round(cell * 24 * 60) * 60 * 1000;
    return ok(new Date(wall - CHINA_OFFSET_MS));
  }
  const text = typeof cell === 'string' ? cell.trim() : '';
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[T\s]\s*(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?\s*秒?$/.exec(
      text,
    );
  if (!m) return fail('应为日期和时间，如 2024-03-05 14:30');
  const day = validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day.ok) return day;
  return atChinaTime(day.value, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** A time of day, 14:30 (or an Excel time, a fraction of a day); combined with a day by the caller. */
export function readTimeOfDay(cell: Cell): Read<{ hour: number; minute: number }> {
  if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 24 * 60);
    return ok({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  }
  const text = typeof cell === 'string' ? cell.trim() : '';
  const m = /^(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：]\s*\d{2})?\s*分?$/.exec(text);
  if (!m) return fail('应为时间，如 14:30');
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return fail('不是有效的时间');
  return ok({ hour, minute });
}

/** A time that is either a whole date-time or a time of day on `day`. */
export function readTimeOn(cell: Cell, day: string, context: CellContext): Read<Date> {
  if (typeof cell === 'number' && cell >= 1) return readDateTime(cell, context);
  const time = readTimeOfDay(cell);
  if (time.ok) return atChinaTime(day, time.value.hour, time.value.minute, 0);
  const full = readDateTime(cell, context);
  return full.ok ? full : fail('应为时间，如 14:30，或日期和时间，如 2024-03-05 14:30');
}

/** The instant of a wall-clock time in China. */
export function atChinaTime(day: string, hour: number, minute: number, second: number): Read<Date> {
  if (hour > 24 || minute > 59 || second > 59) return fail('不是有效的时间');
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return ok(new Date(Date.UTC(y, mo - 1, d, hour, minute, second) - CHINA_OFFSET_MS));
}

/** The China calendar day of an instant. */
export function chinaDay(instant: Date): string {
  return isoDay(instant.getTime() + CHINA_OFFSET_MS);
}

function validDay(y: number, m: number, d: number): Read<string> {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (y < 1990 || y > 2100 || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return fail('不是有效的日期');
  return ok(isoDay(t));
}

const isoDay = (utcMs: number): string => new Date(utcMs).toISOString().slice(0, 10);
const excelEpoch = (context: CellContext): number => (context.date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900);
