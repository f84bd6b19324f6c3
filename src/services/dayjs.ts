import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

/**
 * The one configured dayjs of the mini-program: every calendar question (which day, what time
 * on the clock) is asked in the stations' time zone, Asia/Shanghai, whatever the phone's own.
 *
 * Why a fixed offset rather than dayjs' timezone plugin (which the functions use): the plugin
 * needs `Intl` time-zone data, which not every WeChat JavaScript engine ships; China has kept
 * +08:00 all year since 1991, so a fixed offset gives the same answers everywhere.
 * What must change together: cloudfunctions/_shared/runtime/dayjs.ts (the same zone).
 */
dayjs.extend(utc);

export const STATION_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET = '+08:00';

/** An instant (ISO string, Date or epoch ms) as the clock in Asia/Shanghai shows it. */
export function inStation(instant: string | number | Date = Date.now()): Dayjs {
  return dayjs(instant).utcOffset(STATION_UTC_OFFSET_MINUTES);
}

/** `2026-11-23` + `14:00` (station time) → `2026-11-23T14:00:00+08:00`. */
export function stationIso(date: string, time: string): string {
  return `${date}T${time}:00${OFFSET}`;
}

export default dayjs;
