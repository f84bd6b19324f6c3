import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

/**
 * The one configured dayjs: plugins registered once, and the stations' time zone as default.
 * Every calendar question (which day, which month, what local time) is asked in Asia/Shanghai,
 * whatever the server's own zone.
 */
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.tz.setDefault('Asia/Shanghai');

export const STATION_TIME_ZONE = 'Asia/Shanghai';
export default dayjs;
