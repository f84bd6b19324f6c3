import { ratingLabel, RATING_MAX, RATING_MIN, type QuestionResult } from '@linli/types/entities/survey';
import { percentHalfUp } from './satisfaction';
import type { AskedForm } from './survey-answers';

/**
 * One activity's results, per question, from the counts of the responses' tally keys
 * (survey-answers.ts derivedFields): how many answered, the distribution, and for ratings the
 * average. Pure, so the numbers people read are checked by unit tests.
 */

/**
 * The mean of `sum ÷ count` with two decimals, rounded half up on integers: "4.33". Null without
 * answers.
 */
export function averageHalfUp(sum: number, count: number): string | null {
  if (count <= 0) return null;
  const hundredths = Math.floor((sum * 200 + count) / (2 * count));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * Per question: ratings show 5 down to 1 (as a paper form lists them), choices in the form's
 * order; a choice question's `answered` counts respondents, while its options' counts may add up
 * to more (multiple choice). Text questions show only how many answered; the texts themselves
 * are the comments.
 */
export function questionResults(form: AskedForm, tallies: ReadonlyMap<string, number>): QuestionResult[] {
  const count = (questionId: string, value: string | number) => tallies.get(`${questionId}=${value}`) ?? 0;
  return form.questions.map((question) => {
    const overall = question.id === form.overallQuestionId;
    const answered = tallies.get(question.id) ?? 0;
    if (question.type === 'rating') {
      const values = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MAX - i);
      const sum = values.reduce((n, v) => n + v * count(question.id, v), 0);
      return {
        questionId: question.id,
        type: question.type,
        title: question.title,
        overall,
        answered,
        average: averageHalfUp(sum, answered),
        distribution: values.map((v) => ({
          key: String(v),
          label: ratingLabel(question.scale, v),
          count: count(question.id, v),
          share: percentHalfUp(count(question.id, v), answered),
        })),
      };
    }
    if (question.type === 'text') {
      return {
        questionId: question.id,
        type: question.type,
        title: question.title,
        overall,
        answered,
        average: null,
        distribution: [],
      };
    }
    return {
      questionId: question.id,
      type: question.type,
      title: question.title,
      overall,
      answered,
      average: null,
      distribution: question.options.map((option) => ({
        key: option.id,
        label: option.label,
        count: count(question.id, option.id),
        share: percentHalfUp(count(question.id, option.id), answered),
      })),
    };
  });
}
