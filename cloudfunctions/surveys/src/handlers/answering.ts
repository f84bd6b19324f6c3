import { responseStep } from '../../../_shared/domain/survey-lifecycle';
import { answerWindow, attended, paperEntryOpen } from '../../../_shared/domain/survey-window';
import dayjs from '../../../_shared/runtime/dayjs';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { attendanceRepository } from '../../../_shared/repositories/attendance';
import { surveyAttachmentsRepository } from '../../../_shared/repositories/survey-attachments';
import { surveyResponseId, surveyResponsesRepository } from '../../../_shared/repositories/survey-responses';
import { recordAnswer } from '../answer-service';
import { currentSurvey, noSurvey } from '../attachments';
import { namesOf, responseView } from '../views';

const STAFF = ['social_worker', 'admin'] as const;

/**
 * The activity and the person's attendance records in one request (the sign-in's aggregation),
 * for an activity of the station. Another station's activity is answered as missing.
 */
async function attendanceAt(activityId: string, personId: string, stationId: string) {
  const context = await attendanceRepository.signInContext(activityId, personId);
  if (!context || context.activity.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该活动');
  return context;
}

const clockText = (at: Date): string => dayjs(at).tz().format('M月D日 HH:mm');

/**
 * Where I stand with an activity's form. The questions are sent only to an attendee whose form
 * is open (or who answered: with their own answers); nobody ever receives anyone else's answers.
 */
export const myForm = defineAction('surveys', 'myForm', {
  access: 'registered',
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller, now }) {
    const { activity, attendance } = await attendanceAt(activityId, caller._id, caller.stationId);
    const [survey, response] = await Promise.all([
      surveyAttachmentsRepository.find(activityId),
      surveyResponsesRepository.find(activityId, caller._id),
    ]);
    const base = { activityTitle: activity.title, survey: null, opensAt: null, closesAt: null, response: null };
    if (!survey || survey.status === 'detached') return { ...base, state: 'none' as const };
    const questions = {
      title: survey.title,
      intro: survey.intro,
      questions: survey.questions,
      overallQuestionId: survey.overallQuestionId,
    };
    if (response?.status === 'submitted') {
      const names = await namesOf([response.enteredBy]);
      return { ...base, state: 'answered' as const, survey: questions, response: responseView(response, names) };
    }
    const window = answerWindow(activity, attendance, now);
    switch (window.state) {
      case 'cancelled':
        return { ...base, state: 'none' as const };
      case 'not_attendee':
        return { ...base, state: 'not_attendee' as const };
      case 'not_yet':
        return { ...base, state: 'not_yet' as const, opensAt: window.opensAt.toISOString() };
      case 'expired':
        return { ...base, state: 'closed' as const, closesAt: window.closesAt.toISOString() };
      case 'open':
        if (survey.status === 'closed') return { ...base, state: 'closed' as const };
        return {
          ...base,
          state: 'open' as const,
          survey: questions,
          opensAt: window.opensAt.toISOString(),
          closesAt: window.closesAt.toISOString(),
        };
    }
  },
});

/**
 * A participant answers the form: only with a valid sign-in at the activity (any session of a
 * series), from their sign-out or the end, once. A second submit — or ten at once — stores one
 * response and answers `already_submitted` with it.
 */
export const submit = defineAction('surveys', 'submit', {
  access: 'registered',
  scope: 'station',
  writes: true,
  async handle({ activityId, answers }, { caller, now }) {
    const { activity, attendance } = await attendanceAt(activityId, caller._id, caller.stationId);
    const [survey, existing] = await Promise.all([
      currentSurvey(activityId),
      surveyResponsesRepository.find(activityId, caller._id),
    ]);
    if (!survey) throw noSurvey();
    if (existing?.status !== 'submitted') {
      const window = answerWindow(activity, attendance, now);
      if (window.state === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
      if (window.state === 'not_attendee') throw new AppError('NOT_ATTENDEE');
      if (window.state === 'not_yet') {
        throw new AppError('SURVEY_NOT_OPEN', `签退或活动结束后即可填写（${clockText(window.opensAt)}起）`);
      }
      if (window.state === 'expired') throw new AppError('SURVEY_CLOSED', '已超过填写期限（活动结束后30天内）');
    }
    const result = await recordAnswer({
      activity,
      survey,
      person: { id: caller._id, name: caller.name },
      answers,
      channel: 'self',
      existing,
      now,
    });
    const names = await namesOf([result.doc.enteredBy]);
    return { outcome: result.outcome, response: responseView(result.doc, names) };
  },
});

/**
 * Staff type in a paper form for an attendee — also a walk-in registered at the door, who has
 * no phone. The person must have a valid sign-in (enter the paper sign-in list first); the
 * response is marked 纸质录入 with who typed it. Blank questions on paper stay blank.
 */
export const enterPaper = defineAction('surveys', 'enterPaper', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ activityId, personId, answers, note }, { caller, now }) {
    const { activity, attendance } = await attendanceAt(activityId, personId, caller.stationId);
    const [survey, existing] = await Promise.all([
      currentSurvey(activityId),
      surveyResponsesRepository.find(activityId, personId),
    ]);
    if (!survey) throw noSurvey();
    if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
    const record = attendance.find((a) => !a.annulled);
    if (!attended(attendance) || !record) {
      throw new AppError('NOT_ATTENDEE', '这位居民没有本次活动的有效签到；请先在名单中补录纸质签到');
    }
    if (!paperEntryOpen(activity, now)) {
      throw new AppError('SURVEY_NOT_OPEN', '活动（小组的最后一节）开始后才能录入纸质意见表');
    }
    const result = await recordAnswer({
      activity,
      survey,
      person: { id: personId, name: record.personName },
      answers,
      channel: 'paper',
      enteredBy: caller._id,
      note,
      existing,
      now,
    });
    const names = await namesOf([result.doc.enteredBy]);
    return { outcome: result.outcome, response: responseView(result.doc, names) };
  },
});

/**
 * Voids a response typed in by mistake (the wrong person, the wrong activity): it stays, with
 * who, when and why, and no longer counts. The person (or staff, from paper) may answer again.
 */
export const voidResponse = defineAction('surveys', 'voidResponse', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ activityId, personId, reason }, { caller, now }) {
    const { activity } = await attendanceAt(activityId, personId, caller.stationId);
    const response = await surveyResponsesRepository.find(activity._id, personId);
    if (!response) throw new AppError('NOT_FOUND', '这位居民还没有填写意见表');
    if (!responseStep(response.status, 'void').ok) throw new AppError('SURVEY_STATE', '这份意见表已经作废了');
    const voided = { by: caller._id, at: now, reason };
    if (!(await surveyResponsesRepository.markVoided(surveyResponseId(activityId, personId), voided))) {
      throw new AppError('SURVEY_STATE', '这份意见表已经作废了');
    }
    const names = await namesOf([response.enteredBy]);
    return responseView({ ...response, status: 'voided', voided }, names);
  },
});
