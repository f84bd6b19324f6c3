import { MAX_SESSIONS, SESSION_MIN_GAP_MS } from '@linli/types/entities/activity';
import { attendanceKey } from '../../cloudfunctions/_shared/domain/sessions';
import { atChinaTime, chinaDay, readTimeOn, type CellContext } from './cells';
import { derivedActivityId, derivedHourEntryId, derivedPersonId } from './ids';
import { COLUMNS, type SheetKind } from './format';
import type { ActivityRow, AttendanceRow, HoursRow, StationShape, ValidatedRows, VolunteerRow } from './rows';
import type { RowError } from './sheet';

/**
 * From validated rows to the documents to write: references resolved (a sign-in's activity, an
 * hour row's volunteer), people matched or created, duplicates refused, and every id derived
 * (ids.ts) so that what the database already holds is recognised and left alone. Pure: the
 * database's current state comes in as `ExistingData`, the documents go out as a list of puts.
 */

type Doc = Record<string, unknown> & { _id: string };

export interface ExistingUser extends Doc {
  name: string;
  stationId: string;
  phone?: string;
  roles: string[];
}
export interface ExistingVolunteer extends Doc {
  stationId: string;
  realName: string;
  phone: string;
  status: string;
}
export interface ExistingActivity extends Doc {
  stationId: string;
  title: string;
  kind: string;
  areaId: string;
  communityId: string;
  startAt: Date;
  endAt: Date;
  sessions?: { startAt: Date; endAt: Date }[];
}

export interface ExistingData {
  station: StationShape & { name: string };
  /** Everyone (the station's people are picked by stationId). */
  users: readonly ExistingUser[];
  volunteers: readonly ExistingVolunteer[];
  /** The station's activities. */
  activities: readonly ExistingActivity[];
  /** Ids present per collection, to tell new records from ones already imported. */
  ids: Record<'attendance' | 'hour_entries', ReadonlySet<string>>;
  /** volunteer → the team they joined first (hours count for it). */
  firstTeam: ReadonlyMap<string, string>;
}

export interface Put {
  collection: string;
  doc: Doc;
  /** true: a new document (must not exist); false: replaces one (a role added to a person). */
  insert: boolean;
}

export type RecordKind = 'activities' | 'attendance' | 'people' | 'volunteers' | 'hours';
export const RECORD_LABELS: Record<RecordKind, string> = {
  activities: '活动',
  attendance: '签到',
  people: '居民档案',
  volunteers: '志愿者',
  hours: '志愿时长',
};

export interface ImportPlan {
  puts: Put[];
  /** Per kind of record: how many are new, how many were already there. */
  summary: Record<RecordKind, { added: number; present: number }>;
  errors: RowError[];
}

interface PlannedActivity {
  id: string;
  rows: ActivityRow[];
  /** From the file (to be written, or present) or only from the database. */
  doc: ExistingActivity;
  sessions: { index: number; startAt: Date; endAt: Date }[];
  inFile: boolean;
}

const SHEET = { activities: '活动', attendance: '签到', volunteers: '志愿者', hours: '志愿时长' } as const;

export function planImport(
  rows: ValidatedRows,
  existing: ExistingData,
  options: {
    fileName: string;
    now: Date;
    /** Per sheet: column key → the header as the file writes it. */
    headers: Partial<Record<SheetKind, Record<string, string>>>;
    /** Per sheet: its name in the file (a sheet may be known by its headers, or be a CSV file). */
    sheetNames?: Partial<Record<SheetKind, string>>;
  } & CellContext,
): ImportPlan {
  const { station } = existing;
  const { fileName, now } = options;
  const errors: RowError[] = [];
  const puts: Put[] = [];
  const summary = Object.fromEntries(
    (Object.keys(RECORD_LABELS) as RecordKind[]).map((k) => [k, { added: 0, present: 0 }]),
  ) as ImportPlan['summary'];
  // The column as the file writes it, else as the format names it (a column the file left out).
  const column = (sheet: keyof typeof SHEET, key: string) =>
    options.headers[sheet]?.[key] ?? COLUMNS[sheet].find((c) => c.key === key)?.headers[0] ?? key;
  const fail = (sheet: keyof typeof SHEET, row: number, key: string, message: string) =>
    errors.push({
      sheet: options.sheetNames?.[sheet] ?? SHEET[sheet],
      row,
      column: key ? column(sheet, key) : '',
      message,
    });
  const imported = { importedFrom: fileName };

  // ---- people: matched to the station's users by phone and name, or new
  const stationUsers = existing.users.filter((u) => u.stationId === station.id);
  const usersById = new Map(existing.users.map((u) => [u._id, u]));
  // Lookups by key, not by scanning: an import may hold a hundred thousand rows.
  const userByPhoneAndName = new Map(stationUsers.filter((u) => u.phone).map((u) => [`${u.phone}|${u.name}`, u]));
  const volunteersById = new Map(existing.volunteers.map((v) => [v._id, v]));
  const people = new Map<string, Doc & { roles: string[] }>();
  const known = new Set<string>();
  function person(name: string, communityId: string, phone?: string, tail?: string): string {
    const user = phone ? userByPhoneAndName.get(`${phone}|${name}`) : undefined;
    const key = phone ? ['phone', phone, name] : tail ? ['tail', name, tail] : ['name', name, communityId];
    const id = user?._id ?? derivedPersonId(station.id, key);
    if (usersById.has(id)) {
      if (!known.has(id)) summary.people.present += 1;
      known.add(id);
    } else if (!people.has(id)) {
      people.set(id, {
        _id: id,
        name,
        stationId: station.id,
        communityId,
        roles: ['resident'],
        ...(phone ? { phone } : {}),
        consentAt: now,
        createdAt: now,
        updatedAt: now,
        walkIn: true,
        createdBy: 'import',
        ...imported,
      });
    }
    return id;
  }

  // ---- activities
  const planned = planActivities(rows.activities, station.id, now, fail);
  const signedInByActivity = new Map<string, number[]>();
  const existingActivities = new Map(existing.activities.map((a) => [a._id, a]));

  // ---- sign-ins
  const byCode = new Map(planned.filter((p) => p.rows[0]!.code).map((p) => [p.rows[0]!.code!, p]));
  const fromDatabase = (a: ExistingActivity): PlannedActivity => ({
    id: a._id,
    rows: [],
    doc: a,
    sessions: (a.sessions?.length ? a.sessions : [a]).map((s, i) => ({
      index: i + 1,
      startAt: s.startAt,
      endAt: s.endAt,
    })),
    inFile: false,
  });
  const plannedIds = new Set(planned.map((p) => p.id));
  const allActivities = [...planned, ...existing.activities.filter((a) => !plannedIds.has(a._id)).map(fromDatabase)];
  const seenAttendance = new Map<string, number>();
  const index = activityIndex(allActivities);
  for (const row of rows.attendance) {
    const target = resolveActivity(row, index, byCode, existingActivities, station.id);
    if ('error' in target) {
      fail('attendance', row.row, target.column, target.error);
      continue;
    }
    const { activity, session } = target;
    const sessionDay = chinaDay(session.startAt);
    let signedInAt = session.startAt;
    if (row.signedIn !== undefined) {
      const read = readTimeOn(row.signedIn, sessionDay, options);
      if (!read.ok) {
        fail('attendance', row.row, 'signedInAt', read.message);
        continue;
      }
      signedInAt = read.value;
    }
    if (signedInAt > now) {
      fail('attendance', row.row, 'signedInAt', '签到时间不能晚于现在');
      continue;
    }
    const communityId = row.communityId ?? activity.doc.communityId;
    const personId = person(row.name, communityId, row.phone, row.phoneTail);
    const series = activity.sessions.length > 1;
    const id = attendanceKey(activity.id, personId, series ? session.index : 1);
    const earlier = seenAttendance.get(id);
    if (earlier !== undefined) {
      fail(
        'attendance',
        row.row,
        'name',
        `与第${earlier}行是同一人在同一场${series ? `（第${session.index}节）` : ''}的签到`,
      );
      continue;
    }
    seenAttendance.set(id, row.row);
    const counts = signedInByActivity.get(activity.id) ?? [];
    counts[session.index - 1] = (counts[session.index - 1] ?? 0) + row.headcount;
    signedInByActivity.set(activity.id, counts);
    if (existing.ids.attendance.has(id)) {
      summary.attendance.present += 1;
      continue;
    }
    summary.attendance.added += 1;
    puts.push({
      collection: 'attendance',
      insert: true,
      doc: {
        _id: id,
        activityId: activity.id,
        stationId: station.id,
        areaId: activity.doc.areaId,
        kind: activity.doc.kind,
        activityStartAt: session.startAt,
        personId,
        personName: row.name,
        communityId,
        headcount: row.headcount,
        signedInAt,
        method: 'paper',
        recordedBy: 'import',
        note: `导入自 ${fileName}`,
        ...(series ? { session: session.index } : {}),
        history: [],
        // The roll-ups find the months to recompute by it (a historic sign-in lands in a past month).
        updatedAt: now,
        ...imported,
      },
    });
  }

  // The activities themselves, now that their sign-ins are counted (for a default 名额).
  for (const activity of planned) {
    if (existingActivities.has(activity.id)) {
      summary.activities.present += 1;
      continue;
    }
    summary.activities.added += 1;
    const signedIn = Math.max(0, ...(signedInByActivity.get(activity.id) ?? []).map((n) => n ?? 0));
    puts.push({
      collection: 'activities',
      insert: true,
      doc: {
        ...activity.doc,
        capacity: activity.rows[0]!.capacity ?? Math.max(1, signedIn),
        createdAt: now,
        updatedAt: now,
        ...imported,
      },
    });
  }

  // ---- volunteers
  const volunteerByPhone = new Map<string, { id: string; name: string; status: string; row: number }>();
  for (const row of rows.volunteers) {
    const earlier = volunteerByPhone.get(row.phone);
    if (earlier) {
      fail('volunteers', row.row, 'phone', `与第${earlier.row}行的手机号相同`);
      continue;
    }
    if (row.registeredAt > now) {
      fail('volunteers', row.row, 'registeredOn', '登记日期不能晚于今天');
      continue;
    }
    const id = person(row.name, row.communityId, row.phone);
    const present = volunteersById.get(id);
    volunteerByPhone.set(row.phone, { id, name: row.name, status: present?.status ?? row.status, row: row.row });
    if (present) {
      summary.volunteers.present += 1;
      continue;
    }
    summary.volunteers.added += 1;
    puts.push({ collection: 'volunteers', insert: true, doc: volunteerDoc(row, id, station.id, now, imported) });
    if (row.status !== 'approved') continue;
    const fresh = people.get(id);
    if (fresh) {
      if (!fresh.roles.includes('volunteer')) fresh.roles = [...fresh.roles, 'volunteer'];
    } else {
      // A person already in the database (an app user): the role goes on their profile.
      const user = usersById.get(id);
      if (user && !user.roles.includes('volunteer')) {
        puts.push({
          collection: 'users',
          insert: false,
          doc: { ...user, roles: [...user.roles, 'volunteer'], updatedAt: now },
        });
      }
    }
  }

  // ---- hours
  const staff = stationUsers.filter((u) => u.roles.includes('social_worker') || u.roles.includes('admin'));
  const seenHours = new Map<string, number>();
  const stationVolunteerByPhone = new Map(
    existing.volunteers.filter((v) => v.stationId === station.id).map((v) => [v.phone, v]),
  );
  for (const row of rows.hours) {
    const volunteer = findVolunteer(row, volunteerByPhone, stationVolunteerByPhone);
    if ('error' in volunteer) {
      fail('hours', row.row, volunteer.column, volunteer.error);
      continue;
    }
    const dayStart = (atChinaTime(row.day, 0, 0, 0) as { value: Date }).value;
    if ((row.interval?.end ?? dayStart) > now) {
      fail('hours', row.row, row.interval ? 'end' : 'day', '服务时间不能晚于现在');
      continue;
    }
    const id = derivedHourEntryId(station.id, [
      volunteer.id,
      row.day,
      row.interval ? [row.interval.start.toISOString(), row.interval.end.toISOString()] : row.minutes,
      row.content,
    ]);
    const earlier = seenHours.get(id);
    if (earlier !== undefined) {
      fail('hours', row.row, 'content', `与第${earlier}行重复`);
      continue;
    }
    seenHours.set(id, row.row);
    if (existing.ids.hour_entries.has(id)) {
      summary.hours.present += 1;
      continue;
    }
    summary.hours.added += 1;
    const reviewer = row.reviewer ? (staff.find((s) => s.name === row.reviewer)?._id ?? 'import') : null;
    const servedAt = row.interval?.start ?? dayStart;
    const teamId = existing.firstTeam.get(volunteer.id);
    puts.push({
      collection: 'hour_entries',
      insert: true,
      doc: {
        _id: id,
        rootId: id,
        version: 1,
        stationId: station.id,
        volunteerId: volunteer.id,
        source: 'manual',
        minutes: row.minutes,
        ...(row.interval ? { interval: row.interval } : {}),
        servedAt,
        status: reviewer ? 'approved' : 'pending',
        createdBy: 'import',
        approvals: reviewer ? [{ by: reviewer, at: now }] : [],
        history: [
          { action: 'created', version: 1, by: 'import', at: now, minutes: row.minutes },
          ...(reviewer ? [{ action: 'approved', version: 1, by: reviewer, at: now }] : []),
        ],
        content: row.content,
        ...(teamId ? { teamId } : {}),
        note: `导入自 ${fileName}${row.reviewer ? `；审核人：${row.reviewer}` : '；待审核'}`,
        createdAt: now,
        updatedAt: now,
        ...imported,
      },
    });
  }

  // New people last: they may have gained the volunteer role above.
  for (const doc of people.values()) {
    summary.people.added += 1;
    puts.unshift({ collection: 'users', insert: true, doc });
  }
  return { puts, summary, errors };
}

/** Groups 活动 rows into activities: a 小组's rows with one 活动编号 (or one name) are its sessions. */
function planActivities(
  rows: readonly ActivityRow[],
  stationId: string,
  now: Date,
  fail: (sheet: 'activities', row: number, key: string, message: string) => void,
): PlannedActivity[] {
  const groups = new Map<string, ActivityRow[]>();
  for (const row of rows) {
    const key =
      row.code !== undefined
        ? `code:${row.code}`
        : row.kind === 'group_session'
          ? `series:${row.title}`
          : `once:${row.title}:${row.startAt.toISOString()}`;
    const list = groups.get(key) ?? [];
    if (list.length > 0 && (row.kind !== 'group_session' || list[0]!.kind !== 'group_session')) {
      fail(
        'activities',
        row.row,
        row.code !== undefined ? 'code' : 'title',
        `与第${list[0]!.row}行重复（只有小组的各节可以同一编号）`,
      );
      continue;
    }
    list.push(row);
    groups.set(key, list);
  }
  const out: PlannedActivity[] = [];
  for (const list of groups.values()) {
    const sorted = [...list].sort((a, b) => a.startAt.getTime() - b.startAt.getTime());
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    let ok = true;
    for (const row of sorted.slice(1)) {
      for (const [key, same] of [
        ['title', row.title === first.title],
        ['area', row.areaId === first.areaId],
        ['community', row.communityId === first.communityId],
      ] as const) {
        if (!same) {
          fail('activities', row.row, key, `同一小组的各节须一致（与第${first.row}行不同）`);
          ok = false;
        }
      }
    }
    if (sorted.length > MAX_SESSIONS) {
      fail('activities', last.row, '', `小组最多${MAX_SESSIONS}节`);
      ok = false;
    }
    sorted.forEach((row, i) => {
      const previous = sorted[i - 1];
      if (previous && row.startAt.getTime() < previous.endAt.getTime() + SESSION_MIN_GAP_MS) {
        fail('activities', row.row, 'startAt', `须在上一节（第${previous.row}行）结束2小时以后开始`);
        ok = false;
      }
      if (row.startAt > now) {
        fail('activities', row.row, 'startAt', '只导入已开展的活动：开始时间不能晚于现在');
        ok = false;
      }
    });
    if (!ok) continue;
    const id = derivedActivityId(
      stationId,
      first.code !== undefined
        ? ['code', first.code]
        : sorted.length > 1 || first.kind === 'group_session'
          ? ['series', first.title, first.startAt.toISOString()]
          : ['once', first.title, first.startAt.toISOString()],
    );
    const sessions = sorted.map((row, i) => ({ index: i + 1, startAt: row.startAt, endAt: row.endAt }));
    out.push({
      id,
      rows: sorted,
      inFile: true,
      sessions,
      doc: {
        _id: id,
        stationId,
        title: first.title,
        description: '',
        kind: first.kind,
        serviceArea: first.serviceArea,
        areaId: first.areaId,
        communityId: first.communityId,
        place: first.place,
        startAt: first.startAt,
        endAt: last.endAt,
        seatsTaken: 0,
        waitlisted: 0,
        // History: booking was never open in the app.
        bookingOpensAt: first.startAt,
        bookingClosesAt: first.startAt,
        audience: 'everyone',
        invited: [],
        volunteerRoles: [],
        status: 'published',
        ...(sorted.length > 1 ? { sessions: sessions.map(({ startAt, endAt }) => ({ startAt, endAt })) } : {}),
        createdBy: 'import',
      },
    });
  }
  return out;
}

type Resolved =
  | { activity: PlannedActivity; session: PlannedActivity['sessions'][number] }
  | { error: string; column: string };

interface ActivityIndex {
  byId: ReadonlyMap<string, PlannedActivity>;
  byTitle: ReadonlyMap<string, PlannedActivity[]>;
}

function activityIndex(all: readonly PlannedActivity[]): ActivityIndex {
  const byTitle = new Map<string, PlannedActivity[]>();
  for (const a of all) byTitle.set(a.doc.title, [...(byTitle.get(a.doc.title) ?? []), a]);
  return { byId: new Map(all.map((a) => [a.id, a])), byTitle };
}

function resolveActivity(
  row: AttendanceRow,
  index: ActivityIndex,
  byCode: ReadonlyMap<string, PlannedActivity>,
  existing: ReadonlyMap<string, ExistingActivity>,
  stationId: string,
): Resolved {
  let activity: PlannedActivity | undefined;
  if (row.activityCode !== undefined) {
    const code = row.activityCode;
    activity =
      byCode.get(code) ??
      index.byId.get(derivedActivityId(stationId, ['code', code])) ??
      // The app's own activity number (an activity published in the app, its paper list typed in).
      (existing.has(code) ? index.byId.get(code) : undefined);
    if (!activity)
      return { error: `找不到编号为“${code}”的活动（在「活动」表中或已导入的活动中）`, column: 'activityCode' };
  } else {
    const candidates = (index.byTitle.get(row.activityTitle ?? '') ?? []).filter((a) =>
      a.sessions.some((s) => chinaDay(s.startAt) === row.activityDay),
    );
    if (candidates.length === 0) {
      return { error: `找不到${row.activityDay}的活动“${row.activityTitle}”`, column: 'activityTitle' };
    }
    if (candidates.length > 1) return { error: '这一天有多场同名活动，请填写活动编号', column: 'activityTitle' };
    activity = candidates[0]!;
  }
  if (activity.sessions.length === 1) {
    const only = activity.sessions[0]!;
    if (row.activityDay !== undefined && chinaDay(only.startAt) !== row.activityDay) {
      return { error: `活动在${chinaDay(only.startAt)}举行，与日期不符`, column: 'activityDay' };
    }
    return { activity, session: only };
  }
  const day =
    row.activityDay ??
    (typeof row.signedIn === 'string' && /^\d{4}-\d{2}-\d{2}/.test(row.signedIn.trim())
      ? row.signedIn.trim().slice(0, 10)
      : undefined);
  if (day === undefined) return { error: '小组有多节：请填写日期（该节的日期）', column: 'activityDay' };
  const session = activity.sessions.find((s) => chinaDay(s.startAt) === day);
  if (!session) return { error: `这个小组在${day}没有一节`, column: 'activityDay' };
  return { activity, session };
}

function findVolunteer(
  row: HoursRow,
  inFile: ReadonlyMap<string, { id: string; name: string; status: string }>,
  stationVolunteers: ReadonlyMap<string, ExistingVolunteer>,
): { id: string } | { error: string; column: string } {
  const known = stationVolunteers.get(row.phone);
  const found =
    inFile.get(row.phone) ?? (known ? { id: known._id, name: known.realName, status: known.status } : undefined);
  if (!found) return { error: '找不到这个手机号的志愿者（请先在「志愿者」表登记）', column: 'phone' };
  if (found.name !== row.name) return { error: `这个手机号登记的志愿者是“${found.name}”`, column: 'name' };
  if (found.status !== 'approved') return { error: '该志愿者未审核通过，不能导入时长', column: 'phone' };
  return { id: found.id };
}

function volunteerDoc(
  row: VolunteerRow,
  id: string,
  stationId: string,
  now: Date,
  imported: { importedFrom: string },
): Doc {
  const reviewed = row.status !== 'pending';
  return {
    _id: id,
    stationId,
    realName: row.name,
    phone: row.phone,
    communityId: row.communityId,
    skills: [],
    availability: '',
    emergencyContact: { name: '', phone: '' },
    // They agreed on the paper registration form the station keeps.
    consentAt: row.registeredAt,
    status: row.status,
    ...(row.status === 'rejected' ? { reason: '原台账记为未通过' } : {}),
    appliedAt: row.registeredAt,
    ...(reviewed ? { reviewedBy: 'import', reviewedAt: row.registeredAt } : {}),
    ...(row.status === 'approved' ? { approvedAt: row.registeredAt } : {}),
    core: row.core,
    // When they became 骨干 is not on the sheet: the registration day is the best record there is.
    ...(row.core ? { coreAt: row.registeredAt } : {}),
    updatedAt: now,
    ...imported,
  };
}
