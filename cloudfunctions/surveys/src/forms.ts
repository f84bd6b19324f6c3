import { randomBytes } from 'node:crypto';
import type { SurveyFormDraft } from '@linli/types/entities/survey';
import { shortIdBytesNeeded, shortIdFromBytes } from '../../_shared/domain/short-id';
import { formStep, type FormStatus, type FormStep } from '../../_shared/domain/survey-lifecycle';
import { AppError } from '../../_shared/runtime/app-error';
import {
  surveyFormsRepository,
  type SurveyFormContent,
  type SurveyFormDoc,
} from '../../_shared/repositories/survey-forms';

/** Form ids travel in page links: `sf` + a 10-character base62 short id. */
export const newFormId = (): string => `sf${shortIdFromBytes(randomBytes(shortIdBytesNeeded()))}`;

/** A form of the caller's station; another station's is answered as missing. */
export async function loadStationForm(formId: string, stationId: string): Promise<SurveyFormDoc> {
  const form = await surveyFormsRepository.findById(formId);
  if (!form || form.stationId !== stationId) throw new AppError('NOT_FOUND', '未找到该意见表');
  return form;
}

export const contentOf = (draft: SurveyFormDraft): SurveyFormContent => ({
  title: draft.title,
  intro: draft.intro,
  questions: draft.questions,
  overallQuestionId: draft.overallQuestionId,
});

/** Whether an edit changes anything (both sides are zod-parsed, so their keys come in one order). */
export const sameContent = (a: SurveyFormContent, b: SurveyFormContent): boolean => {
  const comparable = (c: SurveyFormContent) => JSON.stringify([c.title, c.intro, c.questions, c.overallQuestionId]);
  return comparable(a) === comparable(b);
};

const REFUSED: Record<FormStep, Partial<Record<FormStatus, string>>> = {
  edit: { archived: '这份意见表已停用，请先重新启用再修改' },
  archive: { archived: '这份意见表已经停用了' },
  restore: { active: '这份意见表正在使用中' },
  attach: { archived: '这份意见表已停用，不能关联活动；请先重新启用' },
};

/** The step's target state, or SURVEY_STATE with a message that says why not. */
export function requireFormStep(form: Pick<SurveyFormDoc, 'status'>, step: FormStep): FormStatus {
  const result = formStep(form.status, step);
  if (!result.ok) throw new AppError('SURVEY_STATE', REFUSED[step][form.status]);
  return result.to;
}
