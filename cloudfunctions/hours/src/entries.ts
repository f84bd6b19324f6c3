import { randomBytes } from 'node:crypto';
import type { HourEntryView } from '@linli/types/entities/hours';
import type { FieldError } from '@linli/types/errors';
import { latestVersions } from '../../_shared/domain/hour-entries';
import { isStaff } from '../../_shared/domain/roles';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../_shared/domain/short-id';
import type { Actor } from '../../_shared/domain/volunteer-registration';
import { formatHours, mergeIntervals, unionMinutes, type Interval } from '../../_shared/domain/volunteer-hours';
import { platform } from '../../_shared/platform';
import { AppError } from '../../_shared/runtime/app-error';
import { hourEntriesRepository, toHourEntry, type HourEntryDoc } from '../../_shared/repositories/hour-entries';
import { teamsRepository } from '../../_shared/repositories/teams';
import { usersRepository, type UserDoc } from '../../_shared/repositories/users';
import { errorSummary } from '../../_shared/runtime/safe-log';

/** The caller as the pure rules see them. */
export const actorOf = (caller: UserDoc): Actor => ({ id: caller._id, roles: caller.roles });

/** How many times a conditional write is tried again after losing a race, before answering CONFLICT. */
export const RACE_RETRIES = 3;

/** A new entry's root id: its source and a random short id (scan entries derive theirs from the sign-in). */
export const newRootId = (prefix: 'manual' | 'report'): string =>
  `${prefix}.${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`;

/** Inserts a new entry's first version; its id is random, so a clash is a bug, not a retry. */
export async function insertNew(doc: HourEntryDoc): Promise<void> {
  if (!(await hourEntriesRepository.insert(doc))) {
    console.error('[hours] a new entry id was taken');
    throw new AppError('INTERNAL');
  }
}

/** A service time typed by a person may end at most this far ahead of the server's clock (a phone's clock runs fast). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The minutes of a span typed by a person (a self-report, a manual entry, a correction),
 * computed here from the two times by the same whole-minute rule as scans: the client never
 * sends a number of hours. The interval stored is the whole minutes counted, which is also
 * what overlaps with the volunteer's other entries are judged on.
 */
export function servedSpan(
  span: { startAt: string; endAt: string },
  now: Date,
): { interval: Interval; minutes: number } {
  const [interval] = mergeIntervals([{ start: new Date(span.startAt), end: new Date(span.endAt) }]);
  const minutes = interval ? unionMinutes([interval]) : 0;
  if (!interval || minutes < 1) throw invalidSpan('服务时长不足1分钟，请检查开始和结束时间');
  if (interval.end.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalidSpan('结束时间还没到，不能登记尚未完成的服务');
  return { interval, minutes };
}

const invalidSpan = (message: string): AppError => {
  const fields: FieldError[] = [{ path: 'span.endAt', message }];
  return new AppError('INVALID_INPUT', message, fields);
};

/**
 * An entry version of the caller's station. Another station's entry, or an id that does not
 * exist, is answered the same way: ids must not reveal what exists elsewhere.
 */
export async function loadStationEntry(entryId: string, caller: UserDoc): Promise<HourEntryDoc> {
  const doc = await hourEntriesRepository.findById(entryId);
  if (!doc || doc.stationId !== caller.stationId) throw new AppError('NOT_FOUND', '未找到该时长记录');
  return doc;
}

/** One of the caller's own entry versions (volunteer actions); anyone else's is not found. */
export async function loadOwnEntry(entryId: string, caller: UserDoc): Promise<HourEntryDoc> {
  const doc = await hourEntriesRepository.findById(entryId);
  if (!doc || doc.volunteerId !== caller._id) throw new AppError('NOT_FOUND', '未找到该时长记录');
  return doc;
}

/** Who may see an entry at all: its volunteer, and the staff of the station that recorded it. */
export const maySee = (doc: HourEntryDoc, viewer: UserDoc): boolean =>
  doc.volunteerId === viewer._id || (isStaff(viewer.roles) && viewer.stationId === doc.stationId);

/** Team names by id, for the teams entries counted for. */
export async function teamNames(teamIds: readonly string[]): Promise<Map<string, string>> {
  return new Map((await teamsRepository.findMany(teamIds)).map((t) => [t._id, t.name]));
}

/** The latest version of each entry, as documents. */
export function latestDocs(docs: readonly HourEntryDoc[]): HourEntryDoc[] {
  const byId = new Map(docs.map((d) => [d._id, d]));
  return latestVersions(docs.map(toHourEntry)).map((e) => byId.get(e.id)!);
}

const UNKNOWN_PERSON = '（已不在本站）';

/**
 * Entry versions as the contract shows them: people by name (the volunteer, and everyone in the
 * trail), the team by name, hours to two decimals, and for a self-report's photo a link that
 * works for a few minutes — only for the volunteer and their station's staff (`maySee`; the
 * callers show nothing else, this is the last check).
 */
export async function entryViews(docs: readonly HourEntryDoc[], viewer: UserDoc): Promise<HourEntryView[]> {
  const personIds = new Set<string>();
  for (const doc of docs) {
    personIds.add(doc.volunteerId);
    for (const event of doc.history) personIds.add(event.by);
  }
  const [people, teams] = await Promise.all([
    usersRepository.findMany([...personIds]),
    teamNames(docs.flatMap((d) => (d.teamId ? [d.teamId] : []))),
  ]);
  const names = new Map(people.map((p) => [p._id, p.name]));
  const nameOf = (id: string): string => names.get(id) ?? UNKNOWN_PERSON;
  const photoUrls = await Promise.all(docs.map((doc) => photoUrl(doc, viewer)));

  return docs.map((doc, i) => ({
    id: doc._id,
    rootId: doc.rootId,
    version: doc.version,
    volunteerId: doc.volunteerId,
    volunteerName: nameOf(doc.volunteerId),
    source: doc.source,
    status: doc.status,
    flag: doc.flag ?? null,
    content: doc.content,
    activityId: doc.activityId ?? null,
    teamName: doc.teamId ? (teams.get(doc.teamId) ?? null) : null,
    servedAt: doc.servedAt.toISOString(),
    startAt: doc.interval?.start.toISOString() ?? null,
    endAt: doc.interval?.end.toISOString() ?? null,
    minutes: doc.minutes,
    hours: formatHours(doc.minutes),
    note: doc.note ? doc.note : null,
    photoUrl: photoUrls[i] ?? null,
    correctionRequest: doc.correctionRequest
      ? {
          reason: doc.correctionRequest.reason,
          requestedAt: doc.correctionRequest.requestedAt.toISOString(),
          answer: doc.correctionRequest.answer,
          answerNote: doc.correctionRequest.answerNote ?? null,
        }
      : null,
    history: doc.history.map((event) => ({
      action: event.action,
      version: event.version,
      by: nameOf(event.by),
      at: event.at.toISOString(),
      ...(event.reason ? { reason: event.reason } : {}),
      ...(event.action === 'corrected' && event.fromMinutes !== undefined && event.toMinutes !== undefined
        ? { fromHours: formatHours(event.fromMinutes), toHours: formatHours(event.toMinutes) }
        : {}),
    })),
  }));
}

export async function entryView(doc: HourEntryDoc, viewer: UserDoc): Promise<HourEntryView> {
  const [view] = await entryViews([doc], viewer);
  return view!;
}

async function photoUrl(doc: HourEntryDoc, viewer: UserDoc): Promise<string | null> {
  if (!doc.photoFileId || !maySee(doc, viewer)) return null;
  try {
    return await platform().tempFileUrl(doc.photoFileId);
  } catch (error) {
    // A storage hiccup must not hide the record itself: the entry shows without its photo.
    console.error(`[hours] temp file link failed: ${errorSummary(error)}`);
    return null;
  }
}
