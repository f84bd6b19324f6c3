import writeXlsxFile from 'write-excel-file/node';
import { countedEntryMinutes } from '../../../_shared/domain/hour-entries';
import { roundHours } from '../../../_shared/domain/volunteer-hours';
import { AppError } from '../../../_shared/runtime/app-error';
import dayjs, { STATION_TIME_ZONE } from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { deliverFile } from '../../../_shared/runtime/generated-files';
import { hourEntriesRepository, toHourEntry, type HourEntryDoc } from '../../../_shared/repositories/hour-entries';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository } from '../../../_shared/repositories/users';

/** The columns, in the order the registry import reads them (docs/volunteers.md, "Hours"). */
export const REGISTRY_COLUMNS = [
  '序号',
  '志愿者姓名',
  '手机号(后四位)',
  '服务日期',
  '项目名称',
  '服务时长(小时)',
  '记录单位',
] as const;

const DAY_MS = 24 * 3600 * 1000;

export interface RegistryRow {
  volunteerId: string;
  /** YYYY-MM-DD, China time. */
  date: string;
  /** 项目名称: what the service was (the activity's title, or the text typed). */
  content: string;
  minutes: number;
}

/**
 * One row per volunteer, per service (an activity, or a typed description) and per day: the
 * counted minutes of the approved entries it gathers (hour-entries.ts countedEntryMinutes:
 * latest versions, each overlapping minute once). `entries` must include every approved entry
 * that could overlap one in the period — the caller reads a day either side, since an entry is
 * at most a day long. Rows counting nothing are left out. Ordered by date, then volunteer, then
 * service.
 */
export function registryRows(entries: readonly HourEntryDoc[], from: Date, to: Date): RegistryRow[] {
  const counted = countedEntryMinutes(entries.map(toHourEntry));
  const rows = new Map<string, RegistryRow>();
  for (const doc of entries) {
    const minutes = counted.get(doc._id) ?? 0;
    if (minutes === 0 || doc.servedAt < from || doc.servedAt >= to) continue;
    const date = dayjs(doc.servedAt).tz(STATION_TIME_ZONE).format('YYYY-MM-DD');
    const service = doc.activityId ? `activity:${doc.activityId}:${doc.session ?? 1}` : `text:${doc.content}`;
    const key = JSON.stringify([doc.volunteerId, service, date]);
    const row = rows.get(key) ?? { volunteerId: doc.volunteerId, date, content: doc.content, minutes: 0 };
    row.minutes += minutes;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => compare(a.date, b.date) || compare(a.volunteerId, b.volunteerId) || compare(a.content, b.content),
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * 志愿服务时长 of the station for a period, as an xlsx laid out for the national registry
 * (中国志愿服务网) import: the column header in the first row, one row per volunteer per service
 * per day, and a 合计 row last (remove it before importing). Phone numbers show their last four
 * digits only; hours are numbers with two decimals. Staff of the station only.
 */
export const volunteerRegistryAction = defineAction('ledger', 'volunteerRegistry', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ fromDate, toDate }, { caller, now }) {
    const from = dayjs.tz(fromDate, STATION_TIME_ZONE).startOf('day').toDate();
    const to = dayjs.tz(toDate, STATION_TIME_ZONE).add(1, 'day').startOf('day').toDate();
    if (to.getTime() - from.getTime() > 366 * DAY_MS) {
      throw new AppError('INVALID_INPUT', '一次最多导出一年的记录', [{ path: 'toDate', message: '期间不超过一年' }]);
    }
    const station = await stationsRepository.findById(caller.stationId);
    if (!station) throw new AppError('NOT_FOUND', '未找到所在的社工站');
    const entries = await hourEntriesRepository.approvedOfStation(
      caller.stationId,
      new Date(from.getTime() - DAY_MS),
      new Date(to.getTime() + DAY_MS),
    );
    const rows = registryRows(entries, from, to);
    const people = new Map(
      (await usersRepository.findMany([...new Set(rows.map((r) => r.volunteerId))])).map((p) => [p._id, p]),
    );
    const totalMinutes = rows.reduce((sum, r) => sum + r.minutes, 0);

    const bold = { fontWeight: 'bold' as const };
    const text = (value: string) => ({ value, type: String });
    const hours = (minutes: number) => ({ value: roundHours(minutes), type: Number, format: '0.00' });
    const data = [
      REGISTRY_COLUMNS.map((c) => ({ value: c, ...bold })),
      ...rows.map((row, i) => {
        const person = people.get(row.volunteerId);
        return [
          { value: i + 1, type: Number },
          text(person?.name ?? '（已不在本站）'),
          text(person?.phone ? person.phone.slice(-4) : ''),
          text(row.date),
          text(row.content),
          hours(row.minutes),
          text(station.name),
        ];
      }),
      [
        { value: '合计', ...bold },
        text(`${rows.length}条`),
        null,
        text(`${fromDate}至${toDate}`),
        null,
        { ...hours(totalMinutes), ...bold },
        text(station.name),
      ],
    ];
    const buffer = await writeXlsxFile(data, {
      sheet: '志愿服务时长',
      columns: [6, 12, 14, 12, 30, 14, 28].map((width) => ({ width })),
    }).toBuffer();
    return deliverFile(
      caller.stationId,
      { fileName: `志愿服务时长-${station.name}-${fromDate}至${toDate}.xlsx`, extension: 'xlsx', bytes: buffer },
      now,
    );
  },
});
