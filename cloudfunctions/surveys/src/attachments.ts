import { attachmentStep, type AttachmentState, type AttachmentStep } from '../../_shared/domain/survey-lifecycle';
import { AppError } from '../../_shared/runtime/app-error';
import {
  surveyAttachmentsRepository,
  type SurveyAttachmentDoc,
  type SurveySnapshot,
} from '../../_shared/repositories/survey-attachments';
import type { SurveyFormDoc } from '../../_shared/repositories/survey-forms';

/** What an activity is given when a form is attached: the form's current version, frozen. */
export const snapshotOf = (form: SurveyFormDoc): SurveySnapshot => ({
  formId: form._id,
  formVersion: form.version,
  title: form.title,
  intro: form.intro,
  questions: form.questions,
  overallQuestionId: form.overallQuestionId,
});

/** The activity's form, if it has one (a removed one counts as none). */
export async function currentSurvey(activityId: string): Promise<SurveyAttachmentDoc | null> {
  const doc = await surveyAttachmentsRepository.find(activityId);
  return doc && doc.status !== 'detached' ? doc : null;
}

export const noSurvey = (): AppError => new AppError('NOT_FOUND', '这个活动还没有意见表');

const REFUSED: Partial<Record<AttachmentStep, Partial<Record<AttachmentState, string>>>> = {
  close: { closed: '意见表已经停止收集了' },
  reopen: { open: '意见表正在收集中' },
};

/** The step's target state; SURVEY_STATE (or NOT_FOUND for a removed form) when it is not allowed. */
export function requireAttachmentStep(doc: Pick<SurveyAttachmentDoc, 'status'>, step: AttachmentStep) {
  const result = attachmentStep(doc.status, step);
  if (result.ok) return result.to;
  if (doc.status === 'detached') throw noSurvey();
  throw new AppError('SURVEY_STATE', REFUSED[step]?.[doc.status]);
}
