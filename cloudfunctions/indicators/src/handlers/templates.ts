import { CONTRACT_TEMPLATE_FILES } from '../../../../config/contract-templates';
import { contractFromTemplate, parseTemplates } from '../../../_shared/domain/contract-templates';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { checkDraft, loadStation } from '../contracts';
import { insertContract } from './contracts';

/**
 * Contract templates (config/contract-templates/, transcribed from the seeds' indicator tables).
 * Bundled with the function (imported, not read from disk), parsed once.
 */
const TEMPLATES = parseTemplates(CONTRACT_TEMPLATE_FILES);

export const templates = defineAction('indicators', 'templates', {
  access: ['social_worker', 'admin'],
  scope: 'none',
  writes: false,
  async handle() {
    return { items: TEMPLATES };
  },
});

export const createFromTemplate = defineAction('indicators', 'createFromTemplate', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ templateId, name, periodStart, periodEnd, areaMap }, { caller, now }) {
    const template = TEMPLATES.find((t) => t.id === templateId);
    if (!template) throw new AppError('NOT_FOUND', '未找到该合同模板');
    const station = await loadStation(caller.stationId);
    const made = contractFromTemplate(template, {
      areaMap,
      stationAreaIds: station.areas.map((a) => a.id),
      ...(name !== undefined ? { name } : {}),
      ...(periodStart !== undefined ? { periodStart } : {}),
      ...(periodEnd !== undefined ? { periodEnd } : {}),
    });
    if (!made.ok) throw new AppError('INVALID_INPUT', made.problems[0]?.message, made.problems);
    return insertContract(checkDraft(made.draft, station), caller, now, template.id);
  },
});
