import type { SurveyAnswer } from '@linli/types/entities/survey';
import { SURVEY_TEMPLATES } from '../../../../cloudfunctions/_shared/domain/survey-templates';
import { chinaDay } from '../fixtures';
import type { Samples } from '../sample';

const template = SURVEY_TEMPLATES[0]!;

/** A full answer to the activity form (the demo forms are made from this template). */
const answers: SurveyAnswer[] = [
  { questionId: 'q1', rating: 5 },
  { questionId: 'q2', rating: 4 },
  { questionId: 'q3', rating: 4 },
  { questionId: 'q4', rating: 5 },
  { questionId: 'q5', rating: 5 },
  { questionId: 'q6', choices: ['o1'] },
  { questionId: 'q7', choices: ['o1'] },
];

export const surveys: Samples<'surveys'> = {
  templates: { input: {} },
  forms: { input: {} },
  form: { input: { formId: 'sfDemoForm01' }, names: 'station' },
  createForm: { input: { draft: template.draft, templateId: template.id } },
  updateForm: {
    input: { formId: 'sfDemoForm01', version: 1, draft: { ...template.draft, title: '活动参加者意见表（修订）' } },
    names: 'station',
  },
  archiveForm: { input: { formId: 'sfDemoForm01' }, names: 'station' },
  restoreForm: { input: (fx) => ({ formId: fx.archivedFormId }), names: 'station' },
  attach: { input: { formId: 'sfDemoForm01', activityIds: ['DemoAct002'] }, names: 'station' },
  activitySurvey: { input: { activityId: 'DemoAct006' }, names: 'station' },
  close: { input: { activityId: 'DemoAct006' }, names: 'station' },
  // The fixtures attached a form to the 手工坊 (DemoAct003) and closed it.
  reopen: { input: { activityId: 'DemoAct003' }, names: 'station' },
  detach: { input: { activityId: 'DemoAct008' }, names: 'station' },
  results: { input: { activityId: 'DemoAct006' }, names: 'station' },
  rollUp: { input: (fx) => ({ fromDate: chinaDay(fx.now, -30), toDate: chinaDay(fx.now) }) },
  myForm: { input: { activityId: 'DemoAct007' }, names: 'station' },
  // 张阿姨 came to the 生日会 and has not answered yet; 刘先生 came and answered (his answer stands).
  submit: {
    input: { activityId: 'DemoAct007', answers },
    names: 'station',
    narrower: {
      who: ['volunteer', 'socialWorker', 'admin'],
      code: 'NOT_ATTENDEE',
      why: 'only those who came answer the form',
    },
  },
  enterPaper: {
    input: { activityId: 'DemoAct007', personId: 'oDemoResident01', answers, note: '纸质意见表录入' },
    names: 'station',
  },
  voidResponse: {
    input: { activityId: 'DemoAct006', personId: 'oDemoResident01', reason: '录错了人' },
    names: 'station',
  },
};
