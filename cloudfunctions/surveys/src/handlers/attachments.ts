import type { ErrorCode } from '@linli/types/errors';
import { mayChangeAttachment, type AttachmentStatus } from '../../../_shared/domain/survey-lifecycle';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { activitiesRepository, type ActivityDoc } from '../../../_shared/repositories/activities';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import {
  surveyAttachmentsRepository,
  type SurveyAttachmentDoc,
} from '../../../_shared/repositories/survey-attachments';
import { surveyResponsesRepository } from '../../../_shared/repositories/survey-responses';
import type { UserDoc } from '../../../_shared/repositories/users';
import { currentSurvey, noSurvey, requireAttachmentStep, snapshotOf } from '../attachments';
import { loadStationForm, requireFormStep } from '../forms';
import { namesOf, surveyView } from '../views';

const STAFF = ['social_worker', 'admin'] as const;
/** How often a conditional write is tried again after losing a race, before CONFLICT. */
const RACE_RETRIES = 3;

type AttachOutcome =
  | { outcome: 'attached' | 'replaced' | 'unchanged' }
  | { outcome: 'refused'; code: ErrorCode; message: string };

/**
 * Attaches the form's current version to each activity (a 小组 series is one activity: its
 * members answer once, at the end). Per activity: a first form is inserted; an activity whose
 * form nobody has answered gets the new snapshot in place of the old; one with answers keeps
 * its form (SURVEY_HAS_RESPONSES), since its answers were given to those questions.
 */
export const attach = defineAction('surveys', 'attach', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ formId, activityIds }, { caller, now }) {
    const form = await loadStationForm(formId, caller.stationId);
    requireFormStep(form, 'attach');
    const ids = [...new Set(activityIds)];
    const [activities, attachments] = await Promise.all([
      activitiesRepository.findMany(ids),
      surveyAttachmentsRepository.findMany(ids),
    ]);
    const results: { activityId: string; outcome: AttachOutcome['outcome']; code?: string; message?: string }[] = [];
    for (const activityId of ids) {
      const activity = activities.find((a) => a._id === activityId);
      const existing = attachments.find((a) => a._id === activityId) ?? null;
      results.push({ activityId, ...(await attachOne(activity, existing, form, caller, now)) });
    }
    return { results };
  },
});

async function attachOne(
  activity: ActivityDoc | undefined,
  found: SurveyAttachmentDoc | null,
  form: Parameters<typeof snapshotOf>[0],
  caller: UserDoc,
  now: Date,
): Promise<AttachOutcome> {
  if (!activity || activity.stationId !== caller.stationId) {
    return { outcome: 'refused', code: 'NOT_FOUND', message: '未找到该活动' };
  }
  if (activity.status === 'cancelled') {
    return { outcome: 'refused', code: 'ACTIVITY_CANCELLED', message: '活动已取消，不需要意见表' };
  }
  const snapshot = snapshotOf(form);
  let existing = found;
  for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
    if (!existing) {
      const inserted = await surveyAttachmentsRepository.insert({
        _id: activity._id,
        activityId: activity._id,
        stationId: activity.stationId,
        ...snapshot,
        status: 'open',
        rev: 1,
        responses: 0,
        attachedBy: caller._id,
        attachedAt: now,
        updatedAt: now,
        history: [{ action: 'attach', by: caller._id, at: now }],
      });
      if (inserted) return { outcome: 'attached' };
    } else {
      if (
        existing.status === 'open' &&
        existing.formId === snapshot.formId &&
        existing.formVersion === snapshot.formVersion
      ) {
        return { outcome: 'unchanged' };
      }
      requireAttachmentStep(existing, 'attach');
      if (!mayChangeAttachment(existing.responses)) {
        return {
          outcome: 'refused',
          code: 'SURVEY_HAS_RESPONSES',
          message: '已有人填写这个活动的意见表，不能更换',
        };
      }
      if (await surveyAttachmentsRepository.replace(existing, snapshot, caller._id, now)) {
        return { outcome: existing.status === 'detached' ? 'attached' : 'replaced' };
      }
    }
    existing = await surveyAttachmentsRepository.find(activity._id);
  }
  return { outcome: 'refused', code: 'CONFLICT', message: '意见表刚被他人修改，请刷新后重试' };
}

/**
 * An activity's form and its attendees — everyone with a valid sign-in (at any session of a
 * series), each with whether and how they answered: what the staff need for paper entry.
 */
export const activitySurvey = defineAction('surveys', 'activitySurvey', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    await loadActivityOfStation(activityId, caller.stationId);
    const [survey, attendance, marks] = await Promise.all([
      currentSurvey(activityId),
      attendanceRepository.forActivity(activityId),
      surveyResponsesRepository.marksForActivity(activityId),
    ]);
    const names = await namesOf([survey?.attachedBy, ...marks.map((m) => m.enteredBy)]);
    const people = new Map<string, string>();
    for (const record of attendance) if (!record.annulled) people.set(record.personId, record.personName);
    const attendees = [...people.entries()]
      .map(([personId, name]) => {
        const mark = marks.find((m) => m.personId === personId);
        return {
          personId,
          name,
          walkIn: personId.startsWith('walkin-'),
          response: mark
            ? {
                channel: mark.channel,
                status: mark.status,
                submittedAt: mark.submittedAt.toISOString(),
                enteredByName: mark.enteredBy ? (names.get(mark.enteredBy) ?? '工作人员') : null,
              }
            : null,
        };
      })
      .sort((a, b) => Number(!!a.response) - Number(!!b.response) || a.name.localeCompare(b.name, 'zh-CN'));
    return {
      survey: survey ? surveyView(survey, names) : null,
      changeable: !!survey && mayChangeAttachment(survey.responses),
      attendees,
    };
  },
});

async function changeAttachment(activityId: string, step: 'close' | 'reopen' | 'detach', caller: UserDoc, now: Date) {
  await loadActivityOfStation(activityId, caller.stationId);
  let doc = await surveyAttachmentsRepository.find(activityId);
  for (let attempt = 0; attempt <= RACE_RETRIES; attempt += 1) {
    if (!doc) throw noSurvey();
    const to: AttachmentStatus = requireAttachmentStep(doc, step) as AttachmentStatus;
    const onlyUnanswered = step === 'detach';
    if (onlyUnanswered && !mayChangeAttachment(doc.responses)) throw new AppError('SURVEY_HAS_RESPONSES');
    if (
      await surveyAttachmentsRepository.setStatus(doc, to, { onlyUnanswered, action: step, by: caller._id, at: now })
    ) {
      return surveyView({ ...doc, status: to, updatedAt: now }, await namesOf([doc.attachedBy]));
    }
    doc = await surveyAttachmentsRepository.find(activityId);
  }
  throw new AppError('CONFLICT');
}

export const close = defineAction('surveys', 'close', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ activityId }, { caller, now }) => changeAttachment(activityId, 'close', caller, now),
});

export const reopen = defineAction('surveys', 'reopen', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ activityId }, { caller, now }) => changeAttachment(activityId, 'reopen', caller, now),
});

export const detach = defineAction('surveys', 'detach', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ activityId }, { caller, now }) => changeAttachment(activityId, 'detach', caller, now),
});
