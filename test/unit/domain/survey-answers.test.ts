import type { SurveyQuestion } from '@linli/types/entities/survey';
import { checkAnswers, derivedFields, overallRating } from '../../../cloudfunctions/_shared/domain/survey-answers';
import { averageHalfUp, questionResults } from '../../../cloudfunctions/_shared/domain/survey-results';
import { SURVEY_TEMPLATES } from '../../../cloudfunctions/_shared/domain/survey-templates';

const questions: SurveyQuestion[] = [
  { id: 'q1', type: 'rating', scale: 'satisfaction', title: '总体满意吗？', required: true },
  { id: 'q2', type: 'rating', scale: 'agreement', title: '对我有帮助', required: false },
  {
    id: 'q3',
    type: 'single',
    title: '还来吗？',
    required: true,
    options: [
      { id: 'yes', label: '来' },
      { id: 'no', label: '不来' },
    ],
  },
  {
    id: 'q4',
    type: 'multiple',
    title: '从哪里知道？',
    required: false,
    options: [
      { id: 'a', label: '通知' },
      { id: 'b', label: '社工' },
      { id: 'c', label: '邻居' },
    ],
  },
  { id: 'q5', type: 'text', title: '建议', required: false },
];
const form = { questions, overallQuestionId: 'q1' };

describe('checking answers against the form that was asked', () => {
  it('accepts a complete answer and returns it in question order, choices in option order', () => {
    const result = checkAnswers(
      form,
      [
        { questionId: 'q4', choices: ['c', 'a'] },
        { questionId: 'q3', choices: ['yes'] },
        { questionId: 'q1', rating: 4 },
      ],
      { requireAll: true },
    );
    expect(result).toEqual({
      ok: true,
      answers: [
        { questionId: 'q1', rating: 4 },
        { questionId: 'q3', choices: ['yes'] },
        { questionId: 'q4', choices: ['a', 'c'] },
      ],
    });
  });

  it('names each required question left out; the overall one with its own message', () => {
    const result = checkAnswers(form, [], { requireAll: true });
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'answers.q1', message: '请选择您的总体满意程度' },
        { path: 'answers.q3', message: '请回答第3题' },
      ],
    });
  });

  it('lets a paper form leave questions blank, the overall one too', () => {
    expect(checkAnswers(form, [{ questionId: 'q5', text: '很好' }], { requireAll: false })).toMatchObject({ ok: true });
  });

  it.each([
    [{ questionId: 'q9', rating: 3 }, 'answers.q9'],
    [{ questionId: 'q1', text: '满意' }, 'answers.q1'],
    [{ questionId: 'q1', rating: 4, text: '满意' }, 'answers.q1'],
    [{ questionId: 'q3', choices: ['yes', 'no'] }, 'answers.q3'],
    [{ questionId: 'q3', choices: ['maybe'] }, 'answers.q3'],
    [{ questionId: 'q4', choices: ['a', 'a'] }, 'answers.q4'],
    [{ questionId: 'q5', rating: 5 }, 'answers.q5'],
  ])('refuses %j at %s', (answer, path) => {
    const result = checkAnswers(form, [answer], { requireAll: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual([path]);
  });

  it('refuses two answers to one question', () => {
    const result = checkAnswers(
      form,
      [
        { questionId: 'q1', rating: 4 },
        { questionId: 'q1', rating: 5 },
      ],
      { requireAll: false },
    );
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'answers.q1', message: '同一道题只能回答一次' }] });
  });
});

describe('what a stored response derives from its answers', () => {
  it('reads the overall rating, satisfied or not, and the tally keys', () => {
    const answers = [
      { questionId: 'q1', rating: 3 },
      { questionId: 'q4', choices: ['a', 'b'] },
      { questionId: 'q5', text: '多办' },
    ];
    expect(overallRating(form, answers)).toBe(3);
    expect(derivedFields(form, answers)).toEqual({
      overall: 3,
      hasOverall: 1,
      isSatisfied: 0,
      hasText: 1,
      tallyKeys: ['q1', 'q1=3', 'q4', 'q4=a', 'q4=b', 'q5'],
    });
    expect(derivedFields(form, [{ questionId: 'q1', rating: 4 }])).toMatchObject({ isSatisfied: 1, hasText: 0 });
    expect(derivedFields(form, [])).toMatchObject({ overall: null, hasOverall: 0, isSatisfied: 0 });
  });
});

describe('results from tallies', () => {
  it('averages with two decimals, rounded half up', () => {
    expect(averageHalfUp(26, 6)).toBe('4.33');
    expect(averageHalfUp(9, 2)).toBe('4.50');
    expect(averageHalfUp(1, 8)).toBe('0.13');
    expect(averageHalfUp(0, 0)).toBeNull();
  });

  it('gives ratings 5 down to 1 with the scale’s words, choices in order, texts counted', () => {
    const tallies = new Map([
      ['q1', 3],
      ['q1=5', 2],
      ['q1=3', 1],
      ['q2', 1],
      ['q2=4', 1],
      ['q4', 2],
      ['q4=a', 2],
      ['q4=c', 1],
      ['q5', 1],
    ]);
    const [q1, q2, q3, q4, q5] = questionResults(form, tallies);
    expect(q1).toMatchObject({ overall: true, answered: 3, average: '4.33' });
    expect(q1!.distribution.map((d) => [d.label, d.count, d.share])).toEqual([
      ['非常满意', 2, '66.67%'],
      ['满意', 0, '0.00%'],
      ['一般', 1, '33.33%'],
      ['不满意', 0, '0.00%'],
      ['非常不满意', 0, '0.00%'],
    ]);
    expect(q2!.distribution[1]).toMatchObject({ label: '同意', count: 1, share: '100.00%' });
    expect(q3).toMatchObject({ answered: 0, average: null });
    expect(q3!.distribution.map((d) => d.share)).toEqual([null, null]);
    expect(q4!.distribution.map((d) => [d.label, d.count, d.share])).toEqual([
      ['通知', 2, '100.00%'],
      ['社工', 0, '0.00%'],
      ['邻居', 1, '50.00%'],
    ]);
    expect(q5).toMatchObject({ type: 'text', answered: 1, distribution: [] });
  });
});

describe('templates', () => {
  it('are valid forms whose overall question is a 满意度 rating', () => {
    for (const template of SURVEY_TEMPLATES) {
      const overall = template.draft.questions.find((q) => q.id === template.draft.overallQuestionId);
      expect(overall).toMatchObject({ type: 'rating', scale: 'satisfaction', required: true });
      expect(template.draft.questions.some((q) => q.type === 'text')).toBe(true);
    }
    expect(SURVEY_TEMPLATES.map((t) => t.title)).toEqual(['活动参加者意见表', '小组参加者意见表']);
  });
});
