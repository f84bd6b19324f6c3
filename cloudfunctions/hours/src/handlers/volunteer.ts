import { createHourEntry } from '../../../_shared/domain/hour-entries';
import { formatHours } from '../../../_shared/domain/volunteer-hours';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { assertOwnUpload } from '../../../_shared/runtime/uploads';
import { hourEntriesRepository, toHourEntry, withHourEntry } from '../../../_shared/repositories/hour-entries';
import { teamMembersRepository } from '../../../_shared/repositories/teams';
import {
  entryView,
  entryViews,
  insertNew,
  latestDocs,
  loadOwnEntry,
  newRootId,
  RACE_RETRIES,
  servedSpan,
  teamNames,
} from '../entries';
import { bucketView, summariseHours } from '../summary';

/**
 * The volunteer's own record: every entry (latest version) with its state, and the hours that
 * count — approved, latest versions, overlapping time once (hour-entries.ts totals).
 */
export const mine = defineAction('hours', 'mine', {
  access: ['volunteer'],
  scope: 'self',
  writes: false,
  async handle(_input, { caller, now }) {
    const docs = await hourEntriesRepository.forVolunteer(caller._id);
    const teams = await teamNames(docs.flatMap((d) => (d.teamId ? [d.teamId] : [])));
    const summary = summariseHours(
      docs.map((d) => ({ entry: toHourEntry(d), content: d.content, ...(d.teamId ? { teamId: d.teamId } : {}) })),
      now,
      (id) => teams.get(id),
    );
    const latest = latestDocs(docs).sort(
      (a, b) => b.servedAt.getTime() - a.servedAt.getTime() || (a._id < b._id ? -1 : 1),
    );
    return {
      totalHours: formatHours(summary.totalMinutes),
      yearHours: formatHours(summary.yearMinutes),
      pendingHours: formatHours(summary.pendingMinutes),
      byMonth: summary.byMonth.map(bucketView),
      byTeam: summary.byTeam.map(bucketView),
      byActivity: summary.byActivity.map(bucketView),
      entries: await entryViews(latest, caller),
    };
  },
});

/**
 * Service outside the app, reported by the volunteer: the times they give are turned into
 * minutes here; the entry waits for a social worker (who may not be the volunteer themselves).
 */
export const report = defineAction('hours', 'report', {
  access: ['volunteer'],
  scope: 'self',
  writes: true,
  async handle({ span, content, note, photoFileId }, { caller, openid, now }) {
    const { interval, minutes } = servedSpan(span, now);
    // Only the volunteer's own upload: the entry's photo link is later shown to staff, so
    // attaching someone else's file would hand out links to it (docs/files.md).
    if (photoFileId !== undefined) assertOwnUpload(photoFileId, openid);
    const teamId = await teamMembersRepository.firstTeamOf(caller._id);
    const entry = createHourEntry({
      id: newRootId('report'),
      volunteerId: caller._id,
      source: 'self_report',
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
        ...(photoFileId ? { photoFileId } : {}),
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

/**
 * The volunteer asks for one of their entries to be put right (a missed sign-out, wrong times):
 * the request waits on the entry for a social worker, who corrects it or declines with a note.
 */
export const requestCorrection = defineAction('hours', 'requestCorrection', {
  access: ['volunteer'],
  scope: 'self',
  writes: true,
  async handle({ entryId, reason }, { caller, now }) {
    for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
      const doc = await loadOwnEntry(entryId, caller);
      if (doc.status === 'superseded') {
        throw new AppError('NOT_CORRECTABLE', '这条记录已经更正过，请对最新的记录申请更正');
      }
      if (doc.correctionRequest?.answer === 'open') {
        throw new AppError('CONFLICT', '已经申请过更正，请等待社工处理');
      }
      const request = { reason, requestedAt: now, answer: 'open' as const };
      if (await hourEntriesRepository.requestCorrection(doc, request, now)) {
        return entryView({ ...doc, correctionRequest: request, updatedAt: now }, caller);
      }
    }
    throw new AppError('CONFLICT');
  },
});
