import type { ActionOutput } from '@linli/types/api';
import type { SurveyQuestion } from '@linli/types/entities/survey';

export const questions: SurveyQuestion[] = [
  { id: 'q1', type: 'rating', scale: 'satisfaction', title: '您对活动内容满意吗？', required: true },
  { id: 'q2', type: 'rating', scale: 'satisfaction', title: '总体来说，您满意吗？', required: true },
  {
    id: 'q3',
    type: 'single',
    title: '以后还来吗？',
    required: true,
    options: [
      { id: 'o1', label: '愿意' },
      { id: 'o2', label: '看情况' },
    ],
  },
  {
    id: 'q4',
    type: 'multiple',
    title: '从哪里知道的？',
    required: false,
    options: [
      { id: 'o1', label: '社区通知' },
      { id: 'o2', label: '社工告知' },
      { id: 'o3', label: '亲友邻居' },
    ],
  },
  { id: 'q5', type: 'text', title: '意见和建议', required: false },
];

export const survey = {
  title: '活动参加者意见表',
  intro: '感谢您参加本次活动！',
  questions,
  overallQuestionId: 'q2',
};

type MyForm = ActionOutput<'surveys', 'myForm'>;

export function myForm(overrides: Partial<MyForm> = {}): MyForm {
  return {
    state: 'open',
    activityTitle: '长者智能手机课堂',
    survey,
    opensAt: '2026-11-19T16:00:00+08:00',
    closesAt: '2026-12-19T16:00:00+08:00',
    response: null,
    ...overrides,
  };
}

export const activitySurvey = {
  activityId: 'Act0000001',
  formId: 'sfAAAAAAAAAA',
  formVersion: 2,
  ...survey,
  status: 'open' as const,
  attachedAt: '2026-11-18T09:00:00+08:00',
  attachedByName: '李社工',
};
