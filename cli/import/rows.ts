import { z } from 'zod';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_KINDS,
  SERVICE_AREA_LABELS,
  SERVICE_AREAS,
} from '@linli/types/entities/activity-kinds';
import type { ActivityKind, ServiceArea } from '@linli/types/entities/activity-kinds';
import { MAX_PARTY_SIZE } from '@linli/types/entities/activity';
import {
  atChinaTime,
  isBlank,
  readDateTime,
  readDay,
  readHours,
  readInteger,
  readPhone,
  readPhoneOrTail,
  readText,
  readTimeOfDay,
  readTimeOn,
  type CellContext,
  type Read,
} from './cells';
import type { MappedSheet } from './format';
import type { Cell, RowError } from './sheet';

/**
 * Row validation, one zod schema per sheet: each column read by its cell reader (cells.ts), then
 * the checks across columns (an end after its start, either times or a duration). Every problem
 * becomes a RowError naming the sheet, the row and the column as the file has them. Checks across
 * rows and against the database (references, duplicates) are in plan.ts.
 */

/** The station's structure, to read 片区 and 社区 by name. */
export interface StationShape {
  id: string;
  areas: readonly { id: string; name: string }[];
  communities: readonly { id: string; name: string; areaId: string }[];
}

export interface ActivityRow {
  row: number;
  code?: string;
  title: string;
  kind: ActivityKind;
  serviceArea: ServiceArea;
  areaId: string;
  communityId: string;
  startAt: Date;
  endAt: Date;
  place: string;
  capacity?: number;
}

export interface AttendanceRow {
  row: number;
  activityCode?: string;
  activityTitle?: string;
  activityDay?: string;
  name: string;
  phone?: string;
  phoneTail?: string;
  communityId?: string;
  /** A full date-time, or a time of day to put on the activity's (session's) day. */
  signedIn?: Cell;
  headcount: number;
}

export type VolunteerStatus = 'approved' | 'pending' | 'rejected';

export interface VolunteerRow {
  row: number;
  name: string;
  phone: string;
  communityId: string;
  /** Registration day, midnight China time. */
  registeredAt: Date;
  status: VolunteerStatus;
  core: boolean;
}

export interface HoursRow {
  row: number;
  name: string;
  phone: string;
  day: string;
  content: string;
  /** Times where the sheet gives them (then minutes are whole minutes between them). */
  interval?: { start: Date; end: Date };
  minutes: number;
  reviewer?: string;
}

export interface ValidatedRows {
  activities: ActivityRow[];
  attendance: AttendanceRow[];
  volunteers: VolunteerRow[];
  hours: HoursRow[];
}

/** Kind names as 台账 write them: our labels, and the shorter forms in common use. */
const KIND_NAMES: Record<string, ActivityKind> = {
  ...Object.fromEntries(ACTIVITY_KINDS.map((k) => [ACTIVITY_KIND_LABELS[k], k])),
  大型活动: 'large_event',
  中小型活动: 'small_event',
  小组: 'group_session',
  小组活动: 'group_session',
  座谈会: 'resident_forum',
  联席会议: 'stakeholder_meeting',
  探访: 'home_visit',
  电话探访: 'phone_visit',
};
const AREA_NAMES: Record<string, ServiceArea> = Object.fromEntries(
  SERVICE_AREAS.map((a) => [SERVICE_AREA_LABELS[a], a]),
);
const STATUS_NAMES: Record<string, VolunteerStatus> = {
  已通过: 'approved',
  通过: 'approved',
  审核通过: 'approved',
  在册: 'approved',
  待审核: 'pending',
  未审核: 'pending',
  未通过: 'rejected',
  不通过: 'rejected',
};
const YES = new Set(['是', '√', 'Y', 'y', 'yes', '1', 'TRUE', 'true']);
const NO = new Set(['否', '', 'N', 'n', 'no', '0', 'FALSE', 'false']);

/** A zod schema for one cell, through its reader; blank optional cells read as undefined. */
function cell<T>(reader: (c: Cell) => Read<T>) {
  return z
    .custom<Cell>(() => true)
    .transform((c, ctx): T => {
      const read: Read<T> = isBlank(c ?? null) ? { ok: false, message: '不能为空' } : reader(c ?? null);
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: read.message });
        return z.NEVER;
      }
      return read.value;
    });
}
function optional<T>(reader: (c: Cell) => Read<T>) {
  return z
    .custom<Cell>(() => true)
    .transform((c, ctx): T | undefined => {
      if (isBlank(c ?? null)) return undefined;
      const read = reader(c ?? null);
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: read.message });
        return z.NEVER;
      }
      return read.value;
    });
}

function oneOf<T>(names: Record<string, T>, what: string): (c: Cell) => Read<T> {
  const listed = Object.keys(names).slice(0, 14).join('、');
  return (c) => {
    const text = typeof c === 'string' ? c.trim().replace(/\s+/g, '') : String(c ?? '');
    const value = names[text];
    return value !== undefined ? { ok: true, value } : { ok: false, message: `不是可识别的${what}（可填：${listed}）` };
  };
}

function byName<T extends { id: string; name: string }>(list: readonly T[], what: string): (c: Cell) => Read<T> {
  return (c) => {
    const text = typeof c === 'string' ? c.trim() : String(c ?? '');
    const found = list.find((x) => x.name === text) ?? list.find((x) => x.id === text);
    return found ? { ok: true, value: found } : { ok: false, message: `本站没有名为“${text}”的${what}` };
  };
}

const flag: (c: Cell) => Read<boolean> = (c) => {
  const text = typeof c === 'boolean' ? (c ? 'true' : 'false') : String(c ?? '').trim();
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return { ok: false, message: '应填“是”或“否”' };
};

function schemas(station: StationShape, context: CellContext) {
  /** A time of day or a whole date-time, kept as the cell until its day is known. */
  const timeShape = (c: Cell): Read<Cell> =>
    readTimeOfDay(c).ok || readDateTime(c, context).ok
      ? { ok: true, value: c }
      : { ok: false, message: '应为时间，如 14:30，或日期和时间，如 2024-03-05 14:30' };
  const area = byName(station.areas, '片区');
  const community = byName(station.communities, '社区');
  const dateTime = (c: Cell) => readDateTime(c, context);
  const day = (c: Cell) => readDay(c, context);

  const activities = z
    .object({
      code: optional((c) => readText(c, 40)),
      title: cell((c) => {
        const t = readText(c, 40);
        return t.ok && [...t.value].length < 2 ? { ok: false, message: '至少2个字' } : t;
      }),
      kind: cell(oneOf(KIND_NAMES, '活动类型')),
      serviceArea: optional(oneOf(AREA_NAMES, '服务领域')),
      area: cell(area),
      community: cell(community),
      startAt: cell(dateTime),
      endAt: cell(dateTime),
      place: cell((c) => {
        const t = readText(c, 60);
        return t.ok && [...t.value].length < 2 ? { ok: false, message: '至少2个字' } : t;
      }),
      capacity: optional((c) => readInteger(c, 1, 2000)),
    })
    .superRefine((r, ctx) => {
      if (r.community.areaId !== r.area.id) {
        ctx.addIssue({ code: 'custom', path: ['community'], message: `“${r.community.name}”不在“${r.area.name}”` });
      }
      if (r.endAt <= r.startAt) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间须晚于开始时间' });
      else if (r.endAt.getTime() - r.startAt.getTime() > 24 * 3600 * 1000) {
        ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一场活动不超过24小时（小组的每一节写一行）' });
      }
    });

  const attendance = z
    .object({
      activityCode: optional((c) => readText(c, 40)),
      activityTitle: optional((c) => readText(c, 40)),
      activityDay: optional(day),
      name: cell((c) => readText(c, 20)),
      phone: optional(readPhoneOrTail),
      community: optional(community),
      // Read in full once the activity's day is known (plan.ts); its shape is checked here.
      signedInAt: optional(timeShape),
      headcount: optional((c) => readInteger(c, 1, MAX_PARTY_SIZE)),
    })
    .superRefine((r, ctx) => {
      if (!r.activityCode && !(r.activityTitle && r.activityDay)) {
        ctx.addIssue({
          code: 'custom',
          path: r.activityTitle ? ['activityDay'] : ['activityCode'],
          message: '请填写活动编号，或活动名称和日期',
        });
      }
    });

  const volunteers = z.object({
    name: cell((c) => readText(c, 20)),
    phone: cell(readPhone),
    community: cell(community),
    registeredOn: cell(day),
    status: cell(oneOf(STATUS_NAMES, '状态')),
    core: optional(flag),
  });

  const hours = z
    .object({
      name: cell((c) => readText(c, 20)),
      phone: cell(readPhone),
      day: cell(day),
      content: cell((c) => readText(c, 60)),
      start: optional(timeShape),
      end: optional(timeShape),
      hours: optional(readHours),
      reviewer: optional((c) => readText(c, 20)),
    })
    .transform((r, ctx) => {
      const on = (c: Cell | undefined, key: 'start' | 'end'): Date | undefined => {
        if (c === undefined) return undefined;
        const read = readTimeOn(c, r.day, context);
        if (!read.ok) ctx.addIssue({ code: 'custom', path: [key], message: read.message });
        return read.ok ? read.value : undefined;
      };
      const start = on(r.start, 'start');
      const end = on(r.end, 'end');
      if ((r.start === undefined) !== (r.end === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [r.start === undefined ? 'start' : 'end'],
          message: '开始时间和结束时间要一起填',
        });
        return z.NEVER;
      }
      if (r.start === undefined && r.hours === undefined) {
        ctx.addIssue({ code: 'custom', path: ['hours'], message: '请填写开始、结束时间，或时长' });
        return z.NEVER;
      }
      let interval: { start: Date; end: Date } | undefined;
      let minutes: number;
      if (start && end) {
        if (end <= start) {
          ctx.addIssue({ code: 'custom', path: ['end'], message: '结束时间须晚于开始时间' });
          return z.NEVER;
        }
        minutes = Math.floor((end.getTime() - start.getTime()) / 60000);
        if (minutes > 24 * 60) {
          ctx.addIssue({ code: 'custom', path: ['end'], message: '一条记录不超过24小时' });
          return z.NEVER;
        }
        if (r.hours !== undefined && Math.abs(r.hours * 60 - minutes) >= 1) {
          ctx.addIssue({ code: 'custom', path: ['hours'], message: `与开始、结束时间（${minutes}分钟）不符` });
          return z.NEVER;
        }
        interval = { start, end };
      } else if (r.start !== undefined) {
        return z.NEVER; // a time could not be read: already reported
      } else {
        minutes = Math.round(r.hours! * 60);
      }
      return { ...r, interval, minutes };
    });

  return { activities, attendance, volunteers, hours };
}

const PROGRESS_EVERY = 2000;

/** The column a zod issue is about, as the file names it. */
function columnOf(sheet: MappedSheet, path: readonly PropertyKey[]): string {
  const key = String(path[0] ?? '');
  return sheet.headers[key] ?? key;
}

/**
 * Validates every row of the mapped sheets. Rows with problems are left out of the answer and
 * reported, all of them (the import writes nothing while any remains).
 */
export function validateRows(
  sheets: readonly MappedSheet[],
  station: StationShape,
  context: CellContext,
  /** Called every PROGRESS_EVERY rows (a long import says how far it is). */
  onProgress?: (done: number, total: number) => void,
): { rows: ValidatedRows; errors: RowError[] } {
  const s = schemas(station, context);
  const rows: ValidatedRows = { activities: [], attendance: [], volunteers: [], hours: [] };
  const errors: RowError[] = [];
  const total = sheets.reduce((n, sheet) => n + sheet.rows.length, 0);
  let done = 0;
  function check<T>(sheet: MappedSheet, schema: z.ZodType<T>, each: (value: T, row: number) => void): void {
    for (const row of sheet.rows) {
      done += 1;
      if (onProgress && done % PROGRESS_EVERY === 0) onProgress(done, total);
      const result = schema.safeParse(row.cells);
      if (result.success) each(result.data, row.row);
      else
        for (const issue of result.error.issues) {
          errors.push({ sheet: sheet.name, row: row.row, column: columnOf(sheet, issue.path), message: issue.message });
        }
    }
  }
  for (const sheet of sheets) {
    switch (sheet.kind) {
      case 'activities':
        check(sheet, s.activities, (r, row) =>
          rows.activities.push({
            row,
            ...(r.code ? { code: r.code } : {}),
            title: r.title,
            kind: r.kind,
            serviceArea: r.serviceArea ?? 'other',
            areaId: r.area.id,
            communityId: r.community.id,
            startAt: r.startAt,
            endAt: r.endAt,
            place: r.place,
            ...(r.capacity ? { capacity: r.capacity } : {}),
          }),
        );
        break;
      case 'attendance':
        check(sheet, s.attendance, (r, row) =>
          rows.attendance.push({
            row,
            ...(r.activityCode ? { activityCode: r.activityCode } : {}),
            ...(r.activityTitle ? { activityTitle: r.activityTitle } : {}),
            ...(r.activityDay ? { activityDay: r.activityDay } : {}),
            name: r.name,
            ...(r.phone?.phone ? { phone: r.phone.phone } : {}),
            ...(r.phone ? { phoneTail: r.phone.tail } : {}),
            ...(r.community ? { communityId: r.community.id } : {}),
            ...(r.signedInAt !== undefined ? { signedIn: r.signedInAt } : {}),
            headcount: r.headcount ?? 1,
          }),
        );
        break;
      case 'volunteers':
        check(sheet, s.volunteers, (r, row) =>
          rows.volunteers.push({
            row,
            name: r.name,
            phone: r.phone,
            communityId: r.community.id,
            registeredAt: (atChinaTime(r.registeredOn, 0, 0, 0) as { value: Date }).value,
            status: r.status,
            core: r.core ?? false,
          }),
        );
        break;
      case 'hours':
        check(sheet, s.hours, (r, row) =>
          rows.hours.push({
            row,
            name: r.name,
            phone: r.phone,
            day: r.day,
            content: r.content,
            ...(r.interval ? { interval: r.interval } : {}),
            minutes: r.minutes,
            ...(r.reviewer ? { reviewer: r.reviewer } : {}),
          }),
        );
        break;
    }
  }
  return { rows, errors };
}
