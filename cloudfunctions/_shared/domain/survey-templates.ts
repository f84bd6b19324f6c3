import { surveyFormDraftSchema, type SurveyTemplate } from '@linli/types/entities/survey';

/**
 * Ready-made forms modelled on the 《参加者意见表》 that seed 002 (东莞市众爱 服务制度) requires at
 * the end of every activity and at a 小组's last session, and files with the 签到表 and the 活动
 * 报告 as evidence (台账). The seed names the form and the 80% satisfaction requirement but does
 * not print its items; these follow the usual layout of such forms: the parts of the service
 * rated on the five-point 满意度 scale (非常满意 … 非常不满意), an overall satisfaction question,
 * whether it helped and whether they would come again, how they heard of it, and 意见和建议.
 * A social worker starts from one and edits freely; the overall question stays the one the
 * satisfaction rate reads.
 */
const ACTIVITY: SurveyTemplate = {
  id: 'activity',
  title: '活动参加者意见表',
  description: '社区活动、讲座、工作坊等结束时发给全体参加者',
  draft: surveyFormDraftSchema.parse({
    title: '活动参加者意见表',
    intro: '感谢您参加本次活动！请按您的真实感受填写，帮助我们把活动办得更好。您的意见只有社工站工作人员能看到。',
    questions: [
      { id: 'q1', type: 'rating', scale: 'satisfaction', title: '您对本次活动的内容满意吗？' },
      { id: 'q2', type: 'rating', scale: 'satisfaction', title: '您对活动的时间安排满意吗？' },
      { id: 'q3', type: 'rating', scale: 'satisfaction', title: '您对活动场地和设施满意吗？' },
      { id: 'q4', type: 'rating', scale: 'satisfaction', title: '您对工作人员（社工、志愿者）的表现满意吗？' },
      { id: 'q5', type: 'rating', scale: 'satisfaction', title: '总体来说，您对本次活动满意吗？' },
      {
        id: 'q6',
        type: 'single',
        title: '本次活动对您有帮助吗？',
        options: [
          { id: 'o1', label: '很有帮助' },
          { id: 'o2', label: '有些帮助' },
          { id: 'o3', label: '没有帮助' },
        ],
      },
      {
        id: 'q7',
        type: 'single',
        title: '以后还有类似的活动，您愿意参加吗？',
        options: [
          { id: 'o1', label: '愿意' },
          { id: 'o2', label: '看情况' },
          { id: 'o3', label: '不愿意' },
        ],
      },
      {
        id: 'q8',
        type: 'multiple',
        title: '您是从哪里知道本次活动的？',
        required: false,
        options: [
          { id: 'o1', label: '社区通知、公告栏' },
          { id: 'o2', label: '社工告知' },
          { id: 'o3', label: '亲友邻居' },
          { id: 'o4', label: '微信群、小程序' },
          { id: 'o5', label: '其他' },
        ],
      },
      { id: 'q9', type: 'text', title: '您对本次活动有什么意见或建议？', required: false },
    ],
    overallQuestionId: 'q5',
  }),
};

const GROUP: SurveyTemplate = {
  id: 'group',
  title: '小组参加者意见表',
  description: '小组最后一节发给全体组员，每位组员填一次',
  draft: surveyFormDraftSchema.parse({
    title: '小组参加者意见表',
    intro: '感谢您参加本小组！小组即将结束，请按您的真实感受填写。您的意见只有社工站工作人员能看到。',
    questions: [
      { id: 'q1', type: 'rating', scale: 'satisfaction', title: '您对小组的内容和活动安排满意吗？' },
      { id: 'q2', type: 'rating', scale: 'satisfaction', title: '您对小组的节数和每节的时间满意吗？' },
      { id: 'q3', type: 'rating', scale: 'satisfaction', title: '您对带领小组的社工满意吗？' },
      { id: 'q4', type: 'rating', scale: 'agreement', title: '参加小组后，我在小组目标方面有了改善' },
      { id: 'q5', type: 'rating', scale: 'agreement', title: '在小组里，我认识了新朋友，得到了组员的支持' },
      { id: 'q6', type: 'rating', scale: 'satisfaction', title: '总体来说，您对本小组满意吗？' },
      {
        id: 'q7',
        type: 'single',
        title: '您愿意推荐亲友参加类似的小组吗？',
        options: [
          { id: 'o1', label: '愿意' },
          { id: 'o2', label: '看情况' },
          { id: 'o3', label: '不愿意' },
        ],
      },
      { id: 'q8', type: 'text', title: '您对本小组有什么意见或建议？', required: false },
    ],
    overallQuestionId: 'q6',
  }),
};

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [ACTIVITY, GROUP];

export const findSurveyTemplate = (id: string): SurveyTemplate | undefined => SURVEY_TEMPLATES.find((t) => t.id === id);
