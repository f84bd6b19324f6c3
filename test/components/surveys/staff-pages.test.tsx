import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ActionInput, ActionOutput } from '@linli/types/api';
import ActivitySurveyPage from '@/subpackages/staff/pages/activity-survey/index';
import SurveyPaperPage from '@/subpackages/staff/pages/survey-paper/index';
import SurveyResultsPage from '@/subpackages/staff/pages/survey-results/index';
import SurveysPage from '@/subpackages/staff/pages/surveys/index';
import { periodDates } from '@/subpackages/staff/pages/surveys/periods';
import { fakeApi } from '../support/fake-api';
import { resident, socialWorker } from '../support/fixtures';
import { navigateTo } from '../support/taro';
import { detail, openWithParams } from '../activities/fixtures';
import { activitySurvey, questions } from './fixtures';

type Results = ActionOutput<'surveys', 'results'>;
type EnterPaper = ActionInput<'surveys', 'enterPaper'>;

afterEach(() => jest.restoreAllMocks());

const satisfaction = (satisfied: number, rated: number, rate: string | null, meetsTarget: boolean | null) => ({
  respondents: rated,
  rated,
  satisfied,
  rate,
  meetsTarget,
});

function results(): Results {
  return {
    survey: activitySurvey,
    activity: {
      id: 'Act0000001',
      title: '长者智能手机课堂',
      kind: 'lecture',
      startAt: '2026-11-19T14:00:00+08:00',
      endAt: '2026-11-19T16:00:00+08:00',
    },
    attendees: 8,
    paper: 2,
    satisfaction: satisfaction(5, 6, '83.33%', true),
    questions: [
      {
        questionId: 'q2',
        type: 'rating',
        title: '总体来说，您满意吗？',
        overall: true,
        answered: 6,
        average: '4.33',
        distribution: [
          { key: '5', label: '非常满意', count: 3, share: '50.00%' },
          { key: '4', label: '满意', count: 2, share: '33.33%' },
          { key: '3', label: '一般', count: 1, share: '16.67%' },
          { key: '2', label: '不满意', count: 0, share: '0.00%' },
          { key: '1', label: '非常不满意', count: 0, share: '0.00%' },
        ],
      },
    ],
    comments: [{ questionId: 'q5', text: '希望多办几次', submittedAt: '2026-11-19T16:10:00+08:00' }],
    moreComments: false,
  };
}

describe('意见表结果', () => {
  it('shows the rate against the 80% line, each question’s bars and average, and comments without names', async () => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({ account: { me: () => socialWorker }, surveys: { results } });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('83.33%')).toBeTruthy();
    expect(screen.getByText('达到80%')).toBeTruthy();
    expect(screen.getByText(/收回 6 份（本人填写 4 份，纸质录入 2 份）\/ 参加 8 人/)).toBeTruthy();
    expect(screen.getByText(/平均 4.33 分/)).toBeTruthy();
    const bars = screen.getByRole('list', { name: '总体来说，您满意吗？' });
    expect(
      within(bars)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual(['非常满意3人 50.00%', '满意2人 33.33%', '一般1人 16.67%', '不满意0人 0.00%', '非常不满意0人 0.00%']);
    expect(screen.getByText('希望多办几次')).toBeTruthy();
    expect(screen.getByText('不显示填写人姓名')).toBeTruthy();
  });

  it('marks a rate below 80%', async () => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({
      account: { me: () => socialWorker },
      surveys: { results: () => ({ ...results(), satisfaction: satisfaction(3, 4, '75.00%', false) }) },
    });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('低于80%')).toBeTruthy();
  });

  it('is for staff only', async () => {
    openWithParams({ id: 'Act0000001' });
    const api = fakeApi({ account: { me: () => resident }, surveys: { results } });
    render(<SurveyResultsPage />);
    expect(await screen.findByText('仅社工站工作人员可用')).toBeTruthy();
    expect(api.callsTo('surveys', 'results')).toHaveLength(0);
  });
});

describe('录入纸质意见表', () => {
  it('lists attendees with whether they answered, and enters a paper form leaving blanks blank', async () => {
    openWithParams({ id: 'Act0000001' });
    const entered: EnterPaper[] = [];
    let answered = false;
    fakeApi({
      account: { me: () => socialWorker },
      surveys: {
        activitySurvey: () => ({
          survey: activitySurvey,
          changeable: false,
          attendees: [
            {
              personId: 'walkin-1',
              name: '黄婆婆',
              walkIn: true,
              response: answered
                ? {
                    channel: 'paper',
                    status: 'submitted',
                    submittedAt: '2026-11-20T10:00:00+08:00',
                    enteredByName: '李社工',
                  }
                : null,
            },
            {
              personId: 'p_wang',
              name: '王秀英',
              walkIn: false,
              response: {
                channel: 'self',
                status: 'submitted',
                submittedAt: '2026-11-19T16:05:00+08:00',
                enteredByName: null,
              },
            },
          ],
        }),
        enterPaper: (input) => {
          entered.push(input);
          answered = true;
          return {
            outcome: 'submitted',
            response: {
              activityId: 'Act0000001',
              personName: '黄婆婆',
              channel: 'paper',
              enteredByName: '李社工',
              submittedAt: '2026-11-20T10:00:00+08:00',
              status: 'submitted',
              answers: input.answers,
            },
          };
        },
      },
    });
    render(<SurveyPaperPage />);
    expect(await screen.findByText('黄婆婆（现场登记）')).toBeTruthy();
    expect(screen.getByText('已填写 · 本人填写')).toBeTruthy();
    fireEvent.click(screen.getByText('录入'));

    expect(await screen.findByText('黄婆婆的意见表')).toBeTruthy();
    // On paper nothing is required.
    expect(screen.queryByText('（必答）')).toBeNull();
    fireEvent.click(within(screen.getByLabelText('第2题')).getByText('满意'));
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(entered).toHaveLength(1));
    expect(entered[0]).toEqual({
      activityId: 'Act0000001',
      personId: 'walkin-1',
      answers: [{ questionId: 'q2', rating: 4 }],
      note: '',
    });
    // Back on the list, marked as typed in from paper by whom.
    expect(await screen.findByText('已填写 · 纸质录入（李社工）')).toBeTruthy();
  });
});

describe('活动意见表 (staff, per activity)', () => {
  it('attaches one of the station’s forms to an activity without one', async () => {
    openWithParams({ id: 'Act0000001' });
    let attached = false;
    const api = fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      surveys: {
        activitySurvey: () => ({
          survey: attached ? activitySurvey : null,
          changeable: true,
          attendees: [],
        }),
        forms: () => ({
          items: [
            {
              id: 'sfAAAAAAAAAA',
              title: '活动参加者意见表',
              intro: '',
              questions,
              overallQuestionId: 'q2',
              version: 2,
              status: 'active',
              templateId: 'activity',
              updatedAt: '2026-11-18T09:00:00+08:00',
              updatedByName: '李社工',
            },
          ],
        }),
        attach: (input) => {
          attached = true;
          return { results: input.activityIds.map((activityId) => ({ activityId, outcome: 'attached' as const })) };
        },
      },
    });
    render(<ActivitySurveyPage />);
    fireEvent.click(await screen.findByText('活动参加者意见表（第2版）'));
    fireEvent.click(screen.getByText('关联到本活动'));
    expect(await screen.findByText('已填写 0 人 / 参加 0 人')).toBeTruthy();
    expect(api.callsTo('surveys', 'attach')[0]!.input).toEqual({ formId: 'sfAAAAAAAAAA', activityIds: ['Act0000001'] });
    expect(screen.getByText('移除意见表')).toBeTruthy();
    fireEvent.click(screen.getByText('查看结果'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/survey-results/index?id=Act0000001' });
  });

  it('offers neither replacing nor removing once someone has answered', async () => {
    openWithParams({ id: 'Act0000001' });
    fakeApi({
      account: { me: () => socialWorker },
      activity: { get: () => detail() },
      surveys: {
        activitySurvey: () => ({
          survey: activitySurvey,
          changeable: false,
          attendees: [
            {
              personId: 'p_wang',
              name: '王秀英',
              walkIn: false,
              response: {
                channel: 'self',
                status: 'submitted',
                submittedAt: '2026-11-19T16:05:00+08:00',
                enteredByName: null,
              },
            },
          ],
        }),
        forms: () => ({ items: [] }),
      },
    });
    render(<ActivitySurveyPage />);
    expect(await screen.findByText('已填写 1 人 / 参加 1 人')).toBeTruthy();
    expect(screen.queryByText('更换意见表')).toBeNull();
    expect(screen.queryByText('移除意见表')).toBeNull();
    expect(screen.getByText('停止收集')).toBeTruthy();
  });
});

describe('意见表与满意度', () => {
  it('rolls up the chosen period and lists the forms', async () => {
    const api = fakeApi({
      account: { me: () => socialWorker },
      surveys: {
        rollUp: (input) => ({
          ...input,
          station: satisfaction(7, 9, '77.78%', false),
          byKind: [{ kind: 'lecture', label: '讲座', ...satisfaction(6, 7, '85.71%', true) }],
          byArea: [{ areaId: 'area_east', label: '东片', ...satisfaction(3, 4, '75.00%', false) }],
          activities: [
            {
              activityId: 'Act0000001',
              title: '长者智能手机课堂',
              kind: 'lecture',
              endAt: '2026-11-19T16:00:00+08:00',
              ...satisfaction(5, 6, '83.33%', true),
            },
          ],
        }),
        forms: () => ({ items: [] }),
      },
    });
    render(<SurveysPage />);
    expect(await screen.findByText('77.78%')).toBeTruthy();
    expect(screen.getByText('85.71%')).toBeTruthy();
    expect(screen.getByText('东片')).toBeTruthy();
    expect(api.callsTo('surveys', 'rollUp')[0]!.input).toEqual(periodDates('quarter'));
    fireEvent.click(screen.getByText('今年'));
    await waitFor(() => expect(api.callsTo('surveys', 'rollUp')).toHaveLength(2));
    expect(api.callsTo('surveys', 'rollUp')[1]!.input).toEqual(periodDates('year'));
    fireEvent.click(screen.getByText('长者智能手机课堂'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/survey-results/index?id=Act0000001' });
  });

  it('computes periods in station time', () => {
    const now = new Date('2026-11-20T18:00:00Z'); // 21 November, 02:00 in Shanghai
    expect(periodDates('month', now)).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-21' });
    expect(periodDates('quarter', now)).toEqual({ fromDate: '2026-10-01', toDate: '2026-11-21' });
    expect(periodDates('year', now)).toEqual({ fromDate: '2026-01-01', toDate: '2026-11-21' });
    expect(periodDates('last30', now)).toEqual({ fromDate: '2026-10-23', toDate: '2026-11-21' });
  });
});
