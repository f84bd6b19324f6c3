import type { ActivityDraft } from '@linli/types/entities/activity';
import type { SurveyAnswer, SurveyFormDraftInput } from '@linli/types/entities/survey';
import { publish, SOCIAL } from '../../support/activities';
import type { FunctionHarness } from '../../support/functions';

export const RESIDENT = 'oDemoResident01';
export const OTHER_RESIDENT = 'oDemoResident02';
export const OTHER_STATION_SOCIAL = 'oDemoOtherSW01';
const HOUR = 3600_000;

/** An activity that ended an hour ago (it started three hours ago and ran two). */
export function endedActivity(h: FunctionHarness, overrides: Partial<ActivityDraft> = {}) {
  return publish(
    h,
    {
      bookingOpensAt: new Date(Date.now() - 10 * HOUR).toISOString(),
      bookingClosesAt: new Date(Date.now() - 4 * HOUR).toISOString(),
      ...overrides,
    },
    -3,
  );
}

/** Signs people in from a paper list (the quickest way to make attendees of a started activity). */
export async function signInByPaper(h: FunctionHarness, activityId: string, personIds: string[], session?: number) {
  await h.ok(SOCIAL, 'checkin', 'recordPaper', {
    activityId,
    note: '按纸质签到表补录',
    entries: personIds.map((personId) => ({ personId })),
    ...(session ? { session } : {}),
  });
}

/** The 活动参加者意见表 template's draft. */
export async function templateDraft(h: FunctionHarness, id = 'activity'): Promise<SurveyFormDraftInput> {
  const { items } = await h.ok(SOCIAL, 'surveys', 'templates', {});
  return items.find((t) => t.id === id)!.draft;
}

/** A form made from the activity template, attached to the activity. */
export async function formAttachedTo(h: FunctionHarness, activityId: string) {
  const form = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: await templateDraft(h), templateId: 'activity' });
  const attached = await h.ok(SOCIAL, 'surveys', 'attach', { formId: form.id, activityIds: [activityId] });
  expect(attached.results).toEqual([{ activityId, outcome: 'attached' }]);
  return form;
}

/**
 * A full answer to the activity template: every rating `overall` unless given, the choices and
 * a comment. The template's overall question is q5.
 */
export function templateAnswers(overall: number, comment?: string): SurveyAnswer[] {
  return [
    { questionId: 'q1', rating: 5 },
    { questionId: 'q2', rating: 4 },
    { questionId: 'q3', rating: 3 },
    { questionId: 'q4', rating: 5 },
    { questionId: 'q5', rating: overall },
    { questionId: 'q6', choices: ['o1'] },
    { questionId: 'q7', choices: ['o2'] },
    { questionId: 'q8', choices: ['o4', 'o1'] },
    ...(comment ? [{ questionId: 'q9', text: comment }] : []),
  ];
}
