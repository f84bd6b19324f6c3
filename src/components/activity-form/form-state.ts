import type { z } from 'zod';
import { activityDraftSchema, type Activity } from '@linli/types/entities/activity';
import type { ActivityKind, ServiceArea } from '@linli/types/entities/activity-kinds';
import type { PersonRef } from '@linli/types/entities/user';
import type { SessionRow } from '@/components/session-rows';
import { inStation, stationIso } from '@/services/dayjs';

/**
 * The publish/edit form's state and its translation to and from the `activityDraftSchema`
 * contract. Dates and times are edited as station-time strings (`2026-11-23`, `14:00`) and
 * become ISO instants with +08:00 only when sent.
 */
export interface RoleRow {
  role: string;
  count: string;
}

export interface ActivityFormState {
  title: string;
  kind: ActivityKind;
  serviceArea: ServiceArea;
  areaId: string;
  communityId: string;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: string;
  opensDate: string;
  opensTime: string;
  /** Booking closes when the activity starts, unless the person set another time. */
  closesAtStart: boolean;
  closesDate: string;
  closesTime: string;
  audience: 'everyone' | 'invited';
  /** Who may book when `audience` is 'invited'; kept (not sent) while 所有居民 is chosen. */
  invitees: PersonRef[];
  volunteerRoles: RoleRow[];
  description: string;
  /** A 小组's sessions after the first (the first is date/startTime/endTime). */
  laterSessions: SessionRow[];
}

/** Only a 小组 (group) meets in several sessions. */
export const hasSessions = (state: Pick<ActivityFormState, 'kind'>): boolean => state.kind === 'group_session';

export type ActivityDraftInput = z.input<typeof activityDraftSchema>;

/** Form fields that show an error, in the form's order; `community` covers both 片区 and 社区. */
export const FORM_FIELDS = [
  'title',
  'kind',
  'serviceArea',
  'community',
  'place',
  'startAt',
  'endAt',
  'capacity',
  'bookingOpensAt',
  'bookingClosesAt',
  'audience',
  'volunteerRoles',
  'description',
  'sessions',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

const FIELD_OF_KEY: Record<string, FormField> = {
  title: 'title',
  kind: 'kind',
  serviceArea: 'serviceArea',
  areaId: 'community',
  communityId: 'community',
  place: 'place',
  startAt: 'startAt',
  endAt: 'endAt',
  capacity: 'capacity',
  bookingOpensAt: 'bookingOpensAt',
  bookingClosesAt: 'bookingClosesAt',
  audience: 'audience',
  invited: 'audience',
  volunteerRoles: 'volunteerRoles',
  description: 'description',
  sessions: 'sessions',
};

/**
 * Which field an error path belongs to: `endAt`, `volunteerRoles.0.role`, or — from
 * activity.update, whose input wraps the draft — `draft.capacity`.
 */
export function fieldOfPath(path: string): FormField | undefined {
  const key = path.replace(/^draft\./, '').split('.')[0] ?? '';
  return FIELD_OF_KEY[key];
}

/** Sensible defaults: tomorrow 09:30–11:00, 30 seats, booking open from now until the start. */
export function defaultFormState(now: Date, only?: { areaId: string; communityId: string }): ActivityFormState {
  const here = inStation(now);
  return {
    title: '',
    kind: 'small_event',
    serviceArea: 'community',
    areaId: only?.areaId ?? '',
    communityId: only?.communityId ?? '',
    place: '',
    date: here.add(1, 'day').format('YYYY-MM-DD'),
    startTime: '09:30',
    endTime: '11:00',
    capacity: '30',
    opensDate: here.format('YYYY-MM-DD'),
    opensTime: here.format('HH:mm'),
    closesAtStart: true,
    closesDate: '',
    closesTime: '',
    audience: 'everyone',
    invitees: [],
    volunteerRoles: [],
    description: '',
    laterSessions: [],
  };
}

/** An existing activity, for editing, with its invitation list (activity.invitees). */
export function formStateOf(activity: Activity, invitees: readonly PersonRef[] = []): ActivityFormState {
  // A group's first session is the activity's date and times; the rest are its later sessions.
  const [first, ...later] = activity.sessions ?? [activity];
  const start = inStation(first!.startAt);
  const end = inStation(first!.endAt);
  const opens = inStation(activity.bookingOpensAt);
  const closes = inStation(activity.bookingClosesAt);
  return {
    title: activity.title,
    kind: activity.kind,
    serviceArea: activity.serviceArea,
    areaId: activity.areaId,
    communityId: activity.communityId,
    place: activity.place,
    date: start.format('YYYY-MM-DD'),
    startTime: start.format('HH:mm'),
    endTime: end.format('HH:mm'),
    capacity: String(activity.capacity),
    opensDate: opens.format('YYYY-MM-DD'),
    opensTime: opens.format('HH:mm'),
    closesAtStart: closes.valueOf() === start.valueOf(),
    closesDate: closes.format('YYYY-MM-DD'),
    closesTime: closes.format('HH:mm'),
    audience: activity.audience,
    invitees: [...invitees],
    volunteerRoles: activity.volunteerRoles.map((row) => ({ role: row.role, count: String(row.count) })),
    description: activity.description,
    laterSessions: later.map((session) => ({
      date: inStation(session.startAt).format('YYYY-MM-DD'),
      startTime: inStation(session.startAt).format('HH:mm'),
      endTime: inStation(session.endAt).format('HH:mm'),
    })),
  };
}

/** `'30'` → 30; blank or not a whole number → NaN (the check below names the field). */
const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export type DraftCheck =
  | { ok: true; draft: ActivityDraftInput }
  | { ok: false; errors: Partial<Record<FormField, string>> };

/** Checks the form against the same schema the function uses, so the messages are the same. */
export function toDraft(state: ActivityFormState): DraftCheck {
  const errors: Partial<Record<FormField, string>> = {};
  if (!state.communityId) errors.community = '请选择片区和社区';
  const capacity = wholeNumber(state.capacity);
  if (Number.isNaN(capacity)) errors.capacity = '请填写名额（整数）';
  const roles = state.volunteerRoles.map((row) => ({ role: row.role, count: wholeNumber(row.count) }));
  if (roles.some((row) => Number.isNaN(row.count))) errors.volunteerRoles = '请填写每个岗位需要的人数';
  const startAt = stationIso(state.date, state.startTime);
  // Same day: an activity past midnight is rare, and a typo (09:30–09:00) should be caught.
  const firstEnd = stationIso(state.date, state.endTime);
  const sessions =
    hasSessions(state) && state.laterSessions.length > 0
      ? [
          { startAt, endAt: firstEnd },
          ...state.laterSessions.map((row) => ({
            startAt: stationIso(row.date, row.startTime),
            endAt: stationIso(row.date, row.endTime),
          })),
        ]
      : [];
  const candidate: ActivityDraftInput = {
    title: state.title,
    description: state.description,
    kind: state.kind,
    serviceArea: state.serviceArea,
    areaId: state.areaId,
    communityId: state.communityId,
    place: state.place,
    startAt,
    // A group runs from its first session's start to its last session's end.
    endAt: sessions.length > 0 ? sessions[sessions.length - 1]!.endAt : firstEnd,
    capacity,
    bookingOpensAt: stationIso(state.opensDate, state.opensTime),
    bookingClosesAt: state.closesAtStart ? startAt : stationIso(state.closesDate, state.closesTime),
    audience: state.audience,
    // The server keeps exactly the list it is sent; an activity open to everyone keeps none.
    invited: state.audience === 'invited' ? state.invitees.map((person) => person.personId) : [],
    volunteerRoles: roles,
    sessions,
  };
  const parsed = activityDraftSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.join('.'));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, draft: candidate };
}
