import type { FieldError } from '@linli/types/errors';
import type { SurveyAnswer, SurveyQuestion } from '@linli/types/entities/survey';
import { isSatisfied } from './satisfaction';

/**
 * Answers checked against the form that was asked (the activity's snapshot), and what a stored
 * response derives from them. Field errors name the question (`answers.q3`) so the form shows
 * each message under its question.
 */

export interface AskedForm {
  questions: readonly SurveyQuestion[];
  overallQuestionId: string;
}

export type AnswerCheck = { ok: true; answers: SurveyAnswer[] } | { ok: false; problems: FieldError[] };

const problem = (questionId: string, message: string): FieldError => ({ path: `answers.${questionId}`, message });

/**
 * Checks answers: each names a question of the form once, with the field its type takes (a 1–5
 * rating, one option, options, or text); required questions are answered. `requireAll: false`
 * is for paper forms typed in by staff: a question left blank on paper stays blank rather than
 * keeping the whole form out. Answers come back in the form's question order.
 */
export function checkAnswers(
  form: AskedForm,
  answers: readonly SurveyAnswer[],
  options: { requireAll: boolean },
): AnswerCheck {
  const problems: FieldError[] = [];
  const byId = new Map<string, SurveyAnswer>();
  for (const answer of answers) {
    const question = form.questions.find((q) => q.id === answer.questionId);
    if (!question) {
      problems.push(problem(answer.questionId, '表单中没有这道题，请刷新后重新填写'));
      continue;
    }
    if (byId.has(answer.questionId)) {
      problems.push(problem(answer.questionId, '同一道题只能回答一次'));
      continue;
    }
    const mismatch = shapeProblem(question, answer);
    if (mismatch) problems.push(problem(question.id, mismatch));
    else byId.set(question.id, answer);
  }
  const index = form.questions.findIndex((q) => q.id === form.overallQuestionId);
  form.questions.forEach((question, i) => {
    const needed = question.required || question.id === form.overallQuestionId;
    if (
      options.requireAll &&
      needed &&
      !byId.has(question.id) &&
      !problems.some((p) => p.path === `answers.${question.id}`)
    ) {
      problems.push(problem(question.id, i === index ? '请选择您的总体满意程度' : `请回答第${i + 1}题`));
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, answers: form.questions.flatMap((q) => (byId.has(q.id) ? [tidy(q, byId.get(q.id)!)] : [])) };
}

function shapeProblem(question: SurveyQuestion, answer: SurveyAnswer): string | null {
  const fields = (['rating', 'choices', 'text'] as const).filter((field) => answer[field] !== undefined);
  switch (question.type) {
    case 'rating':
      return fields.length === 1 && fields[0] === 'rating' ? null : '请选择一个评分';
    case 'text':
      return fields.length === 1 && fields[0] === 'text' ? null : '请填写文字';
    case 'single':
    case 'multiple': {
      if (fields.length !== 1 || fields[0] !== 'choices') return '请选择选项';
      const choices = answer.choices!;
      if (question.type === 'single' && choices.length !== 1) return '这道题只能选一项';
      if (new Set(choices).size !== choices.length) return '选项重复';
      if (choices.some((c) => !question.options.some((o) => o.id === c))) return '选项已变更，请刷新后重新填写';
      return null;
    }
  }
}

/** Choices in the form's option order, so two equal answers are stored alike. */
function tidy(question: SurveyQuestion, answer: SurveyAnswer): SurveyAnswer {
  if (question.type !== 'multiple' || !answer.choices) return answer;
  const order = question.options.map((o) => o.id);
  return { ...answer, choices: [...answer.choices].sort((a, b) => order.indexOf(a) - order.indexOf(b)) };
}

/** The overall rating among the answers, or null when it was left blank. */
export function overallRating(form: AskedForm, answers: readonly SurveyAnswer[]): number | null {
  return answers.find((a) => a.questionId === form.overallQuestionId)?.rating ?? null;
}

/**
 * What a stored response carries beside its answers, so that results and roll-ups are database
 * aggregations (counts of 0/1 flags and of keys), never a download of every response:
 * - `tallyKeys`: per answered question its id (`q8`: answered), and one key per value given —
 *   `q1=5` (a rating), `q8=o2` (each option chosen) — counted by `$unwind` + `$group`;
 * - `hasOverall`, `isSatisfied`, `hasText`: 0 or 1, summed by `$group`.
 * A change here changes what stored responses mean: keep the key format.
 */
export function derivedFields(form: AskedForm, answers: readonly SurveyAnswer[]) {
  const overall = overallRating(form, answers);
  const tallyKeys = answers.flatMap((answer) => {
    const values = answer.rating !== undefined ? [String(answer.rating)] : (answer.choices ?? []);
    return [answer.questionId, ...values.map((value) => `${answer.questionId}=${value}`)];
  });
  return {
    overall,
    hasOverall: bit(overall !== null),
    isSatisfied: bit(overall !== null && isSatisfied(overall)),
    hasText: bit(answers.some((a) => a.text !== undefined)),
    tallyKeys,
  };
}

const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);
