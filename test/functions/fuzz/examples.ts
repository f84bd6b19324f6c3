import { CONTRACT_TEMPLATE_FILES } from '../../../config/contract-templates';
import {
  contractFromTemplate,
  parseTemplates,
  templateAreaKeys,
} from '../../../cloudfunctions/_shared/domain/contract-templates';
import { SURVEY_TEMPLATES } from '../../../cloudfunctions/_shared/domain/survey-templates';
import { draft } from '../../support/activities';

/**
 * Valid inputs for the actions whose contracts tie fields together (an end after its start,
 * booking before the activity, one overall-satisfaction question …): a payload generated field
 * by field almost never satisfies them, so without these the fuzzing would stop at the schema
 * check and never reach those handlers. They are starting points — the fuzzing mutates them like
 * any generated value. Every other action needs nothing here.
 */
export function validExamples(now: Date): Record<string, unknown[]> {
  const at = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
  const lecture = draft({}, 48);
  const span = { startAt: at(-3), endAt: at(-1) };
  const template = parseTemplates(CONTRACT_TEMPLATE_FILES)[0];
  const contract = template
    ? contractFromTemplate(template, {
        areaMap: Object.fromEntries(templateAreaKeys(template).map((key, i) => [key, `area${i + 1}`])),
        stationAreaIds: ['area1', 'area2', 'area3'],
      })
    : null;
  const contractDraft = contract?.ok ? contract.draft : null;
  const surveyDraft = SURVEY_TEMPLATES[0]?.draft;
  return {
    'activity.publish': [lecture, draft({ audience: 'invited', invited: ['oDemoResident01'] }, 2)],
    'activity.update': [{ activityId: 'DemoAct001', draft: lecture }],
    'hours.report': [{ span, content: '陪伴长者聊天', note: '' }],
    'hours.correct': [{ entryId: 'unknown-entry', span, reason: '时间记错了' }],
    ...(contractDraft
      ? {
          'indicators.createContract': [{ draft: contractDraft }],
          'indicators.updateContract': [{ contractId: 'ct_DemoLingnan', version: 1, draft: contractDraft }],
        }
      : {}),
    ...(surveyDraft
      ? {
          'surveys.createForm': [{ draft: surveyDraft }],
          'surveys.updateForm': [{ formId: 'sfDemo000001', version: 1, draft: surveyDraft }],
        }
      : {}),
  };
}
