import {
  surveyFormDraftSchema,
  type SurveyFormDraftInput,
  type SurveyQuestion,
  type SurveyQuestionType,
} from '@linli/types/entities/survey';

/**
 * The form builder's state and its steps, pure so each is tested on its own. Ids are made here
 * (`q7`, `o3`: one more than the highest in use), and an edited question keeps its id. A later
 * version may give a removed question's id to a new one: harmless, since answers are only ever
 * read against the snapshot of the version their activity was given.
 */
export interface BuilderState {
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  /** '' until one is marked. */
  overallQuestionId: string;
}

export const emptyBuilder = (): BuilderState => ({ title: '', intro: '', questions: [], overallQuestionId: '' });

export function fromDraft(draft: SurveyFormDraftInput): BuilderState {
  const parsed = surveyFormDraftSchema.safeParse(draft);
  // A stored form or template always parses; the fallback only keeps a broken one editable.
  const questions = parsed.success ? parsed.data.questions : (draft.questions as SurveyQuestion[]);
  return { title: draft.title, intro: draft.intro ?? '', questions, overallQuestionId: draft.overallQuestionId };
}

const nextId = (prefix: string, used: readonly string[]): string => {
  const highest = used.reduce((max, id) => {
    const n = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : NaN;
    return Number.isInteger(n) && n > max ? n : max;
  }, 0);
  return `${prefix}${highest + 1}`;
};

export function addQuestion(state: BuilderState, type: SurveyQuestionType): BuilderState {
  const id = nextId(
    'q',
    state.questions.map((q) => q.id),
  );
  const base = { id, title: '' };
  const question: SurveyQuestion =
    type === 'rating'
      ? { ...base, type, scale: 'satisfaction', required: true }
      : type === 'text'
        ? { ...base, type, required: false }
        : {
            ...base,
            type,
            required: true,
            options: [
              { id: 'o1', label: '' },
              { id: 'o2', label: '' },
            ],
          };
  // The first 满意度 rating becomes the overall question until another is marked.
  const overallQuestionId = state.overallQuestionId || (type === 'rating' ? id : '');
  return { ...state, questions: [...state.questions, question], overallQuestionId };
}

export function updateQuestion(state: BuilderState, id: string, patch: Partial<SurveyQuestion>): BuilderState {
  return {
    ...state,
    questions: state.questions.map((q) => (q.id === id ? ({ ...q, ...patch } as SurveyQuestion) : q)),
  };
}

export function moveQuestion(state: BuilderState, id: string, delta: -1 | 1): BuilderState {
  const from = state.questions.findIndex((q) => q.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= state.questions.length) return state;
  const questions = [...state.questions];
  [questions[from], questions[to]] = [questions[to]!, questions[from]!];
  return { ...state, questions };
}

export function removeQuestion(state: BuilderState, id: string): BuilderState {
  return {
    ...state,
    questions: state.questions.filter((q) => q.id !== id),
    overallQuestionId: state.overallQuestionId === id ? '' : state.overallQuestionId,
  };
}

/** Marks a rating as the overall question; it is then on the 满意度 scale and required. */
export function markOverall(state: BuilderState, id: string): BuilderState {
  const question = state.questions.find((q) => q.id === id);
  if (question?.type !== 'rating') return state;
  return { ...updateQuestion(state, id, { scale: 'satisfaction', required: true }), overallQuestionId: id };
}

export function addOption(state: BuilderState, questionId: string): BuilderState {
  const question = state.questions.find((q) => q.id === questionId);
  if (!question || (question.type !== 'single' && question.type !== 'multiple')) return state;
  const option = {
    id: nextId(
      'o',
      question.options.map((o) => o.id),
    ),
    label: '',
  };
  return updateQuestion(state, questionId, { options: [...question.options, option] });
}

export function updateOption(state: BuilderState, questionId: string, optionId: string, label: string): BuilderState {
  const question = state.questions.find((q) => q.id === questionId);
  if (!question || (question.type !== 'single' && question.type !== 'multiple')) return state;
  return updateQuestion(state, questionId, {
    options: question.options.map((o) => (o.id === optionId ? { ...o, label } : o)),
  });
}

export function removeOption(state: BuilderState, questionId: string, optionId: string): BuilderState {
  const question = state.questions.find((q) => q.id === questionId);
  if (!question || (question.type !== 'single' && question.type !== 'multiple')) return state;
  return updateQuestion(state, questionId, { options: question.options.filter((o) => o.id !== optionId) });
}

export const toDraft = (state: BuilderState): SurveyFormDraftInput => ({
  title: state.title,
  intro: state.intro,
  questions: state.questions,
  overallQuestionId: state.overallQuestionId,
});

/**
 * The draft if it would be accepted, else the problems by path (`title`, `questions.2.title`,
 * `questions.1.options.0.label`, `overallQuestionId`) — the same schema the function checks.
 */
export function validate(
  state: BuilderState,
): { ok: true; draft: SurveyFormDraftInput } | { ok: false; problems: Record<string, string> } {
  const parsed = surveyFormDraftSchema.safeParse(toDraft(state));
  if (parsed.success) return { ok: true, draft: parsed.data };
  const problems: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    if (!(path in problems)) problems[path] = issue.message;
  }
  if (!state.overallQuestionId) problems.overallQuestionId = '请把一道“满意度”评分题设为总体满意度题';
  return { ok: false, problems };
}
