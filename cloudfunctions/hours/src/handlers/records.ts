import { correctEntry, createHourEntry, type HourEntry } from '../../../_shared/domain/hour-entries';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import {
  hourEntriesRepository,
  toHourEntry,
  withHourEntry,
  type HourEntryDoc,
} from '../../../_shared/repositories/hour-entries';
import { teamMembersRepository } from '../../../_shared/repositories/teams';
import { usersRepository } from '../../../_shared/repositories/users';
import { actorOf, entryView, insertNew, loadStationEntry, newRootId, RACE_RETRIES, servedSpan } from '../entries';

/**
 * A social worker records service that happened outside the app (a home visit, a phone visit)
 * for a volunteer of the station. The minutes come from the times; the entry waits for a second
 * person — another social worker or the 站长 — since whoever typed a number may not approve it.
 */
export const add = defineAction('hours', 'add', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ volunteerId, span, content, note }, { caller, now }) {
    const volunteer = await usersRepository.findByOpenid(volunteerId);
    if (!volunteer || volunteer.stationId !== caller.stationId) {
      throw new AppError('NOT_FOUND', '未找到该志愿者');
    }
    if (!volunteer.roles.includes('volunteer')) {
      throw new AppError('NOT_VOLUNTEER', `${volunteer.name}还不是本站审核通过的志愿者`);
    }
    const { interval, minutes } = servedSpan(span, now);
    const teamId = await teamMembersRepository.firstTeamOf(volunteerId);
    const entry = createHourEntry({
      id: newRootId('manual'),
      volunteerId,
      source: 'manual',
      minutes,
      interval,
      servedAt: interval.start,
      createdBy: caller._id,
      at: now,
    });
    const doc = withHourEntry(
      {
        stationId: caller.stationId,
        content,
        ...(note ? { note } : {}),
        ...(teamId ? { teamId } : {}),
        createdAt: now,
        updatedAt: now,
      },
      entry,
    );
    await insertNew(doc);
    return entryView(doc, caller);
  },
});

/** The fields the pure rules own (hour-entries.ts HourEntry); a record type, so none is forgotten. */
const RULE_FIELDS: Record<keyof HourEntry | '_id', true> = {
  _id: true,
  id: true,
  rootId: true,
  version: true,
  correctionOf: true,
  volunteerId: true,
  source: true,
  minutes: true,
  interval: true,
  servedAt: true,
  status: true,
  createdBy: true,
  approvals: true,
  history: true,
};

/** A stored version's own fields (station, content, activity, team, note, photo …), apart from the rules' fields. */
function storedExtras(doc: HourEntryDoc): Omit<HourEntryDoc, keyof HourEntry | '_id'> {
  return Object.fromEntries(
    Object.entries(doc).filter(([key]) => !Object.prototype.hasOwnProperty.call(RULE_FIELDS, key)),
  ) as Omit<HourEntryDoc, keyof HourEntry | '_id'>;
}

/**
 * Corrects an entry: a new version with the minutes of the corrected times, pending again (and
 * not approvable by the one who corrected it); the old version stays, superseded. Both writes are
 * one transaction. The new version carries no flag (a person has now given the times) and
 * answers the volunteer's open correction request, if there was one.
 */
export const correct = defineAction('hours', 'correct', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ entryId, span, reason }, { caller, now }) {
    await loadStationEntry(entryId, caller);
    const { interval, minutes } = servedSpan(span, now);
    const corrected = await hourEntriesRepository.replaceVersion(entryId, (current) => {
      if (current.stationId !== caller.stationId) throw new AppError('NOT_FOUND', '未找到该时长记录');
      const result = correctEntry(toHourEntry(current), { minutes, interval, reason, by: actorOf(caller), at: now });
      if (!result.ok) {
        if (result.problem === 'NOT_CORRECTABLE') {
          throw new AppError('NOT_CORRECTABLE', '这条记录已被更正过，请更正最新的版本');
        }
        if (result.problem === 'REASON_REQUIRED') {
          throw new AppError('INVALID_INPUT', '请填写更正原因', [{ path: 'reason', message: '请填写原因' }]);
        }
        throw new AppError('FORBIDDEN');
      }
      const { flag: _flag, correctionRequest, ...extras } = storedExtras(current);
      const answered =
        correctionRequest?.answer === 'open'
          ? {
              correctionRequest: {
                ...correctionRequest,
                answer: 'corrected' as const,
                answerNote: reason,
                answeredBy: caller._id,
                answeredAt: now,
              },
            }
          : {};
      return {
        superseded: withHourEntry({ ...storedExtras(current), updatedAt: now }, result.superseded),
        corrected: withHourEntry({ ...extras, ...answered, createdAt: now, updatedAt: now }, result.corrected),
      };
    });
    return entryView(corrected, caller);
  },
});

/** Declines a volunteer's open correction request, with a note they read; the entry stays as it is. */
export const declineCorrection = defineAction('hours', 'declineCorrection', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: true,
  async handle({ entryId, reason }, { caller, now }) {
    for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
      const doc = await loadStationEntry(entryId, caller);
      const request = doc.correctionRequest;
      if (!request || request.answer !== 'open' || doc.status === 'superseded') {
        throw new AppError('NOT_PENDING', '这条记录没有待处理的更正申请');
      }
      const answer = {
        ...request,
        answer: 'declined' as const,
        answerNote: reason,
        answeredBy: caller._id,
        answeredAt: now,
      };
      if (await hourEntriesRepository.answerCorrectionRequest(doc, answer, now)) {
        return entryView({ ...doc, correctionRequest: answer, updatedAt: now }, caller);
      }
    }
    throw new AppError('CONFLICT');
  },
});
