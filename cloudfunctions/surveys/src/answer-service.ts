import type { SurveyAnswer } from '@linli/types/entities/survey';
import { checkAnswers, derivedFields } from '../../_shared/domain/survey-answers';
import { attachmentStep, responseStep } from '../../_shared/domain/survey-lifecycle';
import { formSession } from '../../_shared/domain/survey-window';
import { AppError } from '../../_shared/runtime/app-error';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import { surveyAttachmentsRepository, type SurveyAttachmentDoc } from '../../_shared/repositories/survey-attachments';
import {
  surveyResponseId,
  surveyResponsesRepository,
  type SurveyResponseDoc,
} from '../../_shared/repositories/survey-responses';
import { noSurvey } from './attachments';

export interface AnswerRequest {
  activity: ActivityDoc;
  survey: SurveyAttachmentDoc;
  person: { id: string; name: string };
  answers: readonly SurveyAnswer[];
  /** `paper`: staff typing in a paper form (blank questions allowed, who typed it kept). */
  channel: 'self' | 'paper';
  enteredBy?: string;
  note?: string;
  /** The person's response as read before deciding, if any. */
  existing: SurveyResponseDoc | null;
  now: Date;
}

export interface AnswerResult {
  outcome: 'submitted' | 'already_submitted';
  doc: SurveyResponseDoc;
}

/**
 * Records one person's answers to an activity's form — the one path for both a resident's own
 * answers and a paper form typed in by staff. Who may answer and when is decided by the caller
 * (domain/survey-window.ts); here: the form must be collecting, the answers must fit it, and
 * the person answers once.
 *
 * Once: the response's `_id` is `<activityId>.<personId>`, so of any number of concurrent
 * submits exactly one is stored; the others (and any later one) are answered with the stored
 * response, unchanged. A voided response is revived by a new answer. Before writing, one answer
 * is taken on the form (a conditional update on its state and snapshot), so a form being closed,
 * replaced or removed at the same moment either takes this answer or refuses it, never half.
 */
export async function recordAnswer(request: AnswerRequest): Promise<AnswerResult> {
  const { activity, survey, person, existing, now } = request;
  if (existing?.status === 'submitted') return { outcome: 'already_submitted', doc: existing };
  if (!attachmentStep(survey.status, 'answer').ok) {
    if (survey.status === 'detached') throw noSurvey();
    throw new AppError('SURVEY_CLOSED');
  }
  const checked = checkAnswers(survey, request.answers, { requireAll: request.channel === 'self' });
  if (!checked.ok) throw new AppError('INVALID_INPUT', checked.problems[0]!.message, checked.problems);
  if (checked.answers.length === 0) {
    throw new AppError('INVALID_INPUT', '请至少填写一道题', [{ path: 'answers', message: '请至少填写一道题' }]);
  }

  const doc: SurveyResponseDoc = {
    _id: surveyResponseId(activity._id, person.id),
    activityId: activity._id,
    stationId: activity.stationId,
    areaId: activity.areaId,
    kind: activity.kind,
    activityEndAt: formSession(activity).endAt,
    formId: survey.formId,
    formVersion: survey.formVersion,
    personId: person.id,
    personName: person.name,
    answers: checked.answers,
    ...derivedFields(survey, checked.answers),
    isPaper: request.channel === 'paper' ? 1 : 0,
    channel: request.channel,
    ...(request.enteredBy ? { enteredBy: request.enteredBy } : {}),
    ...(request.note ? { note: request.note } : {}),
    submittedAt: now,
    status: 'submitted',
    history: [],
  };

  if (!(await surveyAttachmentsRepository.takeAnswer(survey))) {
    const latest = await surveyAttachmentsRepository.find(activity._id);
    if (!latest || latest.status === 'detached') throw noSurvey();
    if (latest.status === 'closed') throw new AppError('SURVEY_CLOSED');
    throw new AppError('CONFLICT', '意见表刚刚更新，请刷新后重新填写');
  }
  if (await surveyResponsesRepository.insert(doc)) return { outcome: 'submitted', doc };

  // The person has a response already: this answer was not taken after all.
  await surveyAttachmentsRepository.giveBackAnswer(activity._id);
  const stored = await surveyResponsesRepository.find(activity._id, person.id);
  if (stored && stored.status === 'submitted') return { outcome: 'already_submitted', doc: stored };
  if (stored && responseStep(stored.status, 'submit').ok && (await surveyResponsesRepository.revive(stored, doc))) {
    return { outcome: 'submitted', doc };
  }
  const settled = await surveyResponsesRepository.find(activity._id, person.id);
  if (settled?.status === 'submitted') return { outcome: 'already_submitted', doc: settled };
  throw new AppError('CONFLICT');
}
