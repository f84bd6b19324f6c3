import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionInput } from '@linli/types/api';
import ActivityPage from '@/pages/activity/index';
import SurveyPage from '@/pages/survey/index';
import { fakeApi, refuse } from '../support/fake-api';
import { resident } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { detail, openWithParams } from '../activities/fixtures';
import { myForm } from './fixtures';

type Submit = ActionInput<'surveys', 'submit'>;

const card = (n: number) => screen.getByLabelText(`第${n}题`);
const pick = (n: number, label: string) => fireEvent.click(within(card(n)).getByText(label));

afterEach(() => jest.restoreAllMocks());

describe('活动意见表 (resident)', () => {
  it('asks for the overall question before sending, then sends the answers once and shows them', async () => {
    openWithParams({ id: 'Act0000001' });
    const submits: { input: Submit }[] = [];
    const api = fakeApi({
      account: { me: () => resident },
      surveys: {
        myForm: () => myForm(),
        submit: (input) => {
          submits.push({ input });
          return {
            outcome: 'submitted',
            response: {
              activityId: 'Act0000001',
              personName: '王秀英',
              channel: 'self',
              enteredByName: null,
              submittedAt: '2026-11-20T10:00:00+08:00',
              status: 'submitted',
              answers: input.answers,
            },
          };
        },
      },
    });
    render(<SurveyPage />);
    await screen.findByText('您对活动内容满意吗？', { exact: false });
    // Ratings read as words, the most satisfied first, each a full row to tap.
    expect(
      within(card(1))
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['非常满意', '满意', '一般', '不满意', '非常不满意']);

    pick(1, '满意');
    pick(3, '愿意');
    fireEvent.click(screen.getByText('提交意见表'));
    expect(await within(card(2)).findByText('请选择您的总体满意程度')).toBeTruthy();
    expect(screen.getByText('还有1道必答题没有回答，请看上面标红的题目')).toBeTruthy();
    expect(api.callsTo('surveys', 'submit')).toHaveLength(0);

    pick(2, '非常满意');
    expect(within(card(2)).queryByText('请选择您的总体满意程度')).toBeNull();
    pick(4, '亲友邻居');
    pick(4, '社区通知');
    // Taro's textarea is a web component reporting what was typed in the event's detail; the
    // outer element (first in document order) is the one the page listens to.
    fireEvent(
      within(card(5)).getAllByPlaceholderText('请写下您的意见或建议（选填）')[0]!,
      new CustomEvent('input', { detail: { value: '希望多办' }, bubbles: true }),
    );
    fireEvent.click(screen.getByText('提交意见表'));

    expect(await screen.findByText('谢谢您的意见！')).toBeTruthy();
    expect(submits).toHaveLength(1);
    expect(submits[0]!.input.answers).toEqual([
      { questionId: 'q1', rating: 4 },
      { questionId: 'q2', rating: 5 },
      { questionId: 'q3', choices: ['o1'] },
      { questionId: 'q4', choices: ['o3', 'o1'] },
      { questionId: 'q5', text: '希望多办' },
    ]);
    expect(api.callsTo('surveys', 'submit')[0]!.requestId).toBeTruthy();
    // What I answered, no longer changeable.
    expect(within(card(2)).getByRole('radio', { name: '非常满意' }).getAttribute('aria-checked')).toBe('true');
    expect(within(card(2)).getByRole('radio', { name: '非常满意' }).getAttribute('aria-disabled')).toBe('true');
  });

  it('shows the function’s message under the question it names', async () => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({
      account: { me: () => resident },
      surveys: {
        myForm: () => myForm(),
        submit: () =>
          refuse({
            code: 'INVALID_INPUT',
            message: '选项已变更，请刷新后重新填写',
            fields: [{ path: 'answers.q3', message: '选项已变更，请刷新后重新填写' }],
          }),
      },
    });
    render(<SurveyPage />);
    await screen.findByText('提交意见表');
    pick(1, '满意');
    pick(2, '满意');
    pick(3, '看情况');
    fireEvent.click(screen.getByText('提交意见表'));
    expect(await within(card(3)).findByText('选项已变更，请刷新后重新填写')).toBeTruthy();
  });

  it.each([
    ['not_attendee', '只有参加了本次活动（已签到）的居民才能填写意见表。'],
    ['closed', '这份意见表已停止收集，谢谢您的关心。'],
  ] as const)('explains %s instead of showing questions', async (state, text) => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({ account: { me: () => resident }, surveys: { myForm: () => myForm({ state, survey: null }) } });
    render(<SurveyPage />);
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.queryByText('提交意见表')).toBeNull();
  });
});

describe('the activity page', () => {
  const attended = detail({
    attendance: {
      activityId: 'Act0000001',
      headcount: 1,
      signedInAt: '2026-11-19T13:58:00+08:00',
      signedOutAt: '2026-11-19T15:50:00+08:00',
      method: 'scan',
      annulled: false,
    },
  });

  it('offers 填写意见表 to an attendee once it is open, and the invitation link opens the form', async () => {
    openWithParams({ id: 'Act0000001', feedback: '1' });
    fakeApi({
      account: { me: () => resident },
      activity: { get: () => attended },
      surveys: { myForm: () => myForm() },
    });
    render(<ActivityPage />);
    expect(await screen.findByText('填写意见表')).toBeTruthy();
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/survey/index?id=Act0000001' }));
    expect(navigateTo).toHaveBeenCalledTimes(1);
  });

  it('thanks someone who answered, and does not open the form again', async () => {
    openWithParams({ id: 'Act0000001', feedback: '1' });
    fakeApi({
      account: { me: () => resident },
      activity: { get: () => attended },
      surveys: { myForm: () => myForm({ state: 'answered' }) },
    });
    render(<ActivityPage />);
    expect(await screen.findByText('已填写意见表，谢谢您！')).toBeTruthy();
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('asks nothing of someone who did not come', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({ account: { me: () => resident }, activity: { get: () => detail() } });
    render(<ActivityPage />);
    await screen.findByText('长者智能手机课堂');
    expect(api.callsTo('surveys', 'myForm')).toHaveLength(0);
    expect(screen.queryByText('填写意见表')).toBeNull();
  });
});
