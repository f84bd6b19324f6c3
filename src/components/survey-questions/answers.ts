import type { SurveyAnswer, SurveyQuestion } from '@linli/types/entities/survey';

/** What a person has picked or typed so far, per question id. */
export type AnswerDraft = Readonly<Record<string, { rating?: number; choices?: readonly string[]; text?: string }>>;

/** The answers to send: one per question answered, blank text and empty choices left out. */
export function toAnswers(questions: readonly SurveyQuestion[], draft: AnswerDraft): SurveyAnswer[] {
  return questions.flatMap((question): SurveyAnswer[] => {
    const value = draft[question.id];
    if (!value) return [];
    if (question.type === 'rating') return value.rating ? [{ questionId: question.id, rating: value.rating }] : [];
    if (question.type === 'text') {
      const text = value.text?.trim();
      return text ? [{ questionId: question.id, text }] : [];
    }
    return value.choices?.length ? [{ questionId: question.id, choices: [...value.choices] }] : [];
  });
}

/** A stored response's answers, back as a draft (to show what I answered). */
export function toDraft(answers: readonly SurveyAnswer[]): AnswerDraft {
  return Object.fromEntries(
    answers.map((a) => [a.questionId, { rating: a.rating, choices: a.choices, text: a.text }] as const),
  );
}

/**
 * Required questions not answered yet, with the message the function would give (the overall
 * question is always required of the person themself). Checked before sending, so an older
 * person sees at once which question is missing; the function checks again.
 */
export function unanswered(
  questions: readonly SurveyQuestion[],
  overallQuestionId: string,
  draft: AnswerDraft,
): Record<string, string> {
  const given = new Set(toAnswers(questions, draft).map((a) => a.questionId));
  const missing: Record<string, string> = {};
  questions.forEach((question, i) => {
    if ((question.required || question.id === overallQuestionId) && !given.has(question.id)) {
      missing[question.id] = question.id === overallQuestionId ? '请选择您的总体满意程度' : `请回答第${i + 1}题`;
    }
  });
  return missing;
}

/** The function's field errors (`answers.q3`) by question id. */
export function errorsByQuestion(fieldErrors: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors)
      .filter(([path]) => path.startsWith('answers.'))
      .map(([path, message]) => [path.slice('answers.'.length), message]),
  );
}
