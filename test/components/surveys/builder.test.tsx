import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionInput } from '@linli/types/api';
import {
  addOption,
  addQuestion,
  emptyBuilder,
  markOverall,
  moveQuestion,
  removeOption,
  removeQuestion,
  updateQuestion,
  validate,
} from '@/components/survey-builder/builder-state';
import SurveyFormPage from '@/subpackages/staff/pages/survey-form/index';
import { fakeApi, refuse } from '../support/fake-api';
import { socialWorker } from '../support/fixtures';
import { navigateBack, taro } from '../support/taro';
import { openWithParams } from '../activities/fixtures';
import { activitySurvey, questions } from './fixtures';

type CreateForm = ActionInput<'surveys', 'createForm'>;

afterEach(() => jest.restoreAllMocks());

describe('builder steps', () => {
  it('adds questions of the four types with fresh ids; the first rating becomes the overall one', () => {
    let state = emptyBuilder();
    state = addQuestion(state, 'single');
    state = addQuestion(state, 'rating');
    state = addQuestion(state, 'multiple');
    state = addQuestion(state, 'text');
    state = addQuestion(state, 'rating');
    expect(state.questions.map((q) => [q.id, q.type, q.required])).toEqual([
      ['q1', 'single', true],
      ['q2', 'rating', true],
      ['q3', 'multiple', true],
      ['q4', 'text', false],
      ['q5', 'rating', true],
    ]);
    expect(state.overallQuestionId).toBe('q2');
    // One more than the highest id in use.
    expect(addQuestion(removeQuestion(state, 'q5'), 'text').questions.at(-1)?.id).toBe('q5');
    expect(addQuestion(removeQuestion(state, 'q1'), 'text').questions.at(-1)?.id).toBe('q6');
  });

  it('moves, removes, marks the overall rating and edits options', () => {
    let state = emptyBuilder();
    for (const type of ['rating', 'rating', 'single'] as const) state = addQuestion(state, type);
    state = updateQuestion(state, 'q2', { scale: 'agreement', required: false });
    state = markOverall(state, 'q2');
    expect(state.overallQuestionId).toBe('q2');
    expect(state.questions[1]).toMatchObject({ scale: 'satisfaction', required: true });
    expect(markOverall(state, 'q3')).toBe(state); // a choice cannot be the overall question

    state = moveQuestion(state, 'q3', -1);
    expect(state.questions.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
    expect(moveQuestion(state, 'q1', -1)).toBe(state);

    state = addOption(state, 'q3');
    expect(state.questions[1]).toMatchObject({ options: [{ id: 'o1' }, { id: 'o2' }, { id: 'o3' }] });
    state = removeOption(state, 'q3', 'o1');
    expect(addOption(state, 'q3').questions[1]).toMatchObject({ options: [{ id: 'o2' }, { id: 'o3' }, { id: 'o4' }] });

    state = removeQuestion(state, 'q2');
    expect(state.overallQuestionId).toBe('');
  });

  it('validates with the same schema as the function, path by path', () => {
    let state = addQuestion(addQuestion(emptyBuilder(), 'single'), 'text');
    const result = validate(state);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toMatchObject({
        title: expect.any(String),
        'questions.0.title': '请填写题目',
        'questions.0.options.0.label': '请填写选项',
        overallQuestionId: '请把一道“满意度”评分题设为总体满意度题',
      });
    }
    state = { ...emptyBuilder(), title: '意见表', questions, overallQuestionId: 'q2' };
    expect(validate(state)).toMatchObject({ ok: true });
  });
});

describe('编辑意见表', () => {
  it('starts from the template and saves a new form naming it', async () => {
    openWithParams({ template: 'activity' });
    taro.setPageStack(['subpackages/staff/pages/surveys/index', 'subpackages/staff/pages/survey-form/index']);
    const created: CreateForm[] = [];
    const api = fakeApi({
      account: { me: () => socialWorker },
      surveys: {
        templates: () => ({
          items: [
            {
              id: 'activity',
              title: '活动参加者意见表',
              description: '',
              draft: { title: '活动参加者意见表', intro: '谢谢！', questions, overallQuestionId: 'q2' },
            },
          ],
        }),
        createForm: (input) => {
          created.push(input);
          return {
            id: 'sfBBBBBBBBBB',
            ...activitySurvey,
            ...input.draft,
            intro: input.draft.intro ?? '',
            questions,
            version: 1,
            status: 'active',
            templateId: 'activity',
            updatedAt: '2026-11-20T10:00:00+08:00',
            updatedByName: '李社工',
          };
        },
      },
    });
    render(<SurveyFormPage />);
    expect(await screen.findByDisplayValue('活动参加者意见表')).toBeTruthy();
    const second = screen.getByLabelText('第2题');
    expect(within(second).getByText('总体满意度（计入满意率）')).toBeTruthy();

    // Add a text question, write it, move it up once, then save.
    fireEvent.click(screen.getByText('＋ 文字意见'));
    const added = screen.getByLabelText('第6题');
    fireEvent.input(within(added).getByPlaceholderText('例如：您对本次活动的内容满意吗？'), {
      target: { value: '还想参加什么活动？' },
    });
    fireEvent.click(within(added).getByText('上移'));
    fireEvent.click(screen.getByText('保存意见表'));

    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(created).toHaveLength(1);
    expect(created[0]!.templateId).toBe('activity');
    expect(created[0]!.draft.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q6', 'q5']);
    expect(created[0]!.draft.overallQuestionId).toBe('q2');
    expect(api.callsTo('surveys', 'createForm')[0]!.requestId).toBeTruthy();
  });

  it('will not save without an overall question, and says so', async () => {
    openWithParams({ template: 'activity' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      surveys: {
        templates: () => ({
          items: [
            {
              id: 'activity',
              title: 't',
              description: '',
              draft: { title: '活动参加者意见表', intro: '', questions, overallQuestionId: 'q2' },
            },
          ],
        }),
      },
    });
    render(<SurveyFormPage />);
    await screen.findByDisplayValue('活动参加者意见表');
    fireEvent.click(screen.getByLabelText('删除第2题'));
    fireEvent.click(screen.getByText('保存意见表'));
    expect(await screen.findByText('请把一道“满意度”评分题设为总体满意度题')).toBeTruthy();
    expect(api.callsTo('surveys', 'createForm')).toHaveLength(0);
  });

  it('saves an edit against the version it was opened at and shows a conflict', async () => {
    openWithParams({ id: 'sfAAAAAAAAAA' });
    const api = fakeApi({
      account: { me: () => socialWorker },
      surveys: {
        form: () => ({
          id: 'sfAAAAAAAAAA',
          title: '活动参加者意见表',
          intro: '',
          questions,
          overallQuestionId: 'q2',
          version: 3,
          status: 'active',
          templateId: null,
          updatedAt: '2026-11-19T10:00:00+08:00',
          updatedByName: '王社工',
        }),
        updateForm: () => refuse({ code: 'CONFLICT', message: '这份意见表已被修改（现在是第4版），请刷新后再改' }),
      },
    });
    render(<SurveyFormPage />);
    expect(await screen.findByText('现在是第3版；保存后为第4版')).toBeTruthy();
    fireEvent.click(screen.getByText('保存为新版本'));
    expect(await screen.findByText('这份意见表已被修改（现在是第4版），请刷新后再改')).toBeTruthy();
    expect(api.callsTo('surveys', 'updateForm')[0]!.input).toMatchObject({ formId: 'sfAAAAAAAAAA', version: 3 });
  });
});
