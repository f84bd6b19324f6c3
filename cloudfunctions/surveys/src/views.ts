import type { ActivitySurvey, SurveyForm, SurveyResponse } from '@linli/types/entities/survey';
import type { SurveyAttachmentDoc } from '../../_shared/repositories/survey-attachments';
import type { SurveyFormDoc } from '../../_shared/repositories/survey-forms';
import type { SurveyResponseDoc } from '../../_shared/repositories/survey-responses';
import { usersRepository } from '../../_shared/repositories/users';

/** Staff names by id, for "edited by", "attached by", "entered by". */
export type Names = ReadonlyMap<string, string>;

export async function namesOf(ids: readonly (string | undefined)[]): Promise<Names> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const people = await usersRepository.findMany(wanted);
  return new Map(people.map((p) => [p._id, p.name]));
}

const nameIn = (names: Names, id: string | undefined): string => (id ? (names.get(id) ?? '工作人员') : '');

export function formView(doc: SurveyFormDoc, names: Names): SurveyForm {
  return {
    id: doc._id,
    title: doc.title,
    intro: doc.intro,
    questions: doc.questions,
    overallQuestionId: doc.overallQuestionId,
    version: doc.version,
    status: doc.status,
    templateId: doc.templateId,
    updatedAt: doc.updatedAt.toISOString(),
    updatedByName: nameIn(names, doc.updatedBy),
  };
}

export function surveyView(doc: SurveyAttachmentDoc, names: Names): ActivitySurvey {
  return {
    activityId: doc.activityId,
    formId: doc.formId,
    formVersion: doc.formVersion,
    title: doc.title,
    intro: doc.intro,
    questions: doc.questions,
    overallQuestionId: doc.overallQuestionId,
    status: doc.status,
    attachedAt: doc.attachedAt.toISOString(),
    attachedByName: nameIn(names, doc.attachedBy),
  };
}

/** A response as its author, or the station's staff, see it (nobody else is ever shown one). */
export function responseView(doc: SurveyResponseDoc, names: Names): SurveyResponse {
  return {
    activityId: doc.activityId,
    personName: doc.personName,
    channel: doc.channel,
    enteredByName: doc.enteredBy ? nameIn(names, doc.enteredBy) : null,
    submittedAt: doc.submittedAt.toISOString(),
    status: doc.status,
    answers: doc.answers,
  };
}
