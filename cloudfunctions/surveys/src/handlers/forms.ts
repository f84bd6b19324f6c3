import { SURVEY_TEMPLATES, findSurveyTemplate } from '../../../_shared/domain/survey-templates';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { surveyFormsRepository, type SurveyFormDoc } from '../../../_shared/repositories/survey-forms';
import { contentOf, loadStationForm, newFormId, requireFormStep, sameContent } from '../forms';
import { formView, namesOf } from '../views';

const STAFF = ['social_worker', 'admin'] as const;

export const templates = defineAction('surveys', 'templates', {
  access: STAFF,
  scope: 'none',
  writes: false,
  async handle() {
    return { items: [...SURVEY_TEMPLATES] };
  },
});

export const forms = defineAction('surveys', 'forms', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ status }, { caller }) {
    const docs = await surveyFormsRepository.listForStation(caller.stationId, status);
    const names = await namesOf(docs.map((d) => d.updatedBy));
    return { items: docs.map((d) => formView(d, names)) };
  },
});

export const form = defineAction('surveys', 'form', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ formId }, { caller }) {
    const doc = await loadStationForm(formId, caller.stationId);
    return formView(doc, await namesOf([doc.updatedBy]));
  },
});

/** A new form of the caller's station, version 1, active at once. */
export const createForm = defineAction('surveys', 'createForm', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ draft, templateId }, { caller, now }) {
    if (templateId !== undefined && !findSurveyTemplate(templateId)) {
      throw new AppError('INVALID_INPUT', '没有这个模板', [{ path: 'templateId', message: '没有这个模板' }]);
    }
    const doc: SurveyFormDoc = {
      _id: newFormId(),
      stationId: caller.stationId,
      ...contentOf(draft),
      version: 1,
      status: 'active',
      templateId: templateId ?? null,
      createdBy: caller._id,
      createdAt: now,
      updatedBy: caller._id,
      updatedAt: now,
    };
    await surveyFormsRepository.insert(doc);
    return formView(doc, new Map([[caller._id, caller.name]]));
  },
});

/**
 * Saves an edit as the next version. The editor names the version they edited: if a colleague
 * saved in between, the answer is CONFLICT rather than one edit silently replacing the other.
 * Activities that have the form keep the version they were given. Saving unchanged content
 * makes no new version.
 */
export const updateForm = defineAction('surveys', 'updateForm', {
  access: STAFF,
  scope: 'station',
  writes: true,
  async handle({ formId, version, draft }, { caller, now }) {
    const current = await loadStationForm(formId, caller.stationId);
    requireFormStep(current, 'edit');
    if (current.version !== version) {
      throw new AppError('CONFLICT', `这份意见表已被修改（现在是第${current.version}版），请刷新后再改`);
    }
    const content = contentOf(draft);
    if (sameContent(content, current)) return formView(current, await namesOf([current.updatedBy]));
    if (!(await surveyFormsRepository.saveVersion(current, content, caller._id, now))) {
      const latest = await loadStationForm(formId, caller.stationId);
      requireFormStep(latest, 'edit');
      throw new AppError('CONFLICT', `这份意见表已被修改（现在是第${latest.version}版），请刷新后再改`);
    }
    const saved = { ...current, ...content, version: current.version + 1, updatedBy: caller._id, updatedAt: now };
    return formView(saved, new Map([[caller._id, caller.name]]));
  },
});

async function changeStatus(
  formId: string,
  step: 'archive' | 'restore',
  caller: { _id: string; name: string; stationId: string },
  now: Date,
) {
  const current = await loadStationForm(formId, caller.stationId);
  const to = requireFormStep(current, step);
  if (!(await surveyFormsRepository.setStatus(formId, current.status, to, caller._id, now))) {
    // Someone else took a step meanwhile: judge this one again on what is there now.
    requireFormStep(await loadStationForm(formId, caller.stationId), step);
    throw new AppError('CONFLICT');
  }
  return formView(
    { ...current, status: to, updatedBy: caller._id, updatedAt: now },
    new Map([[caller._id, caller.name]]),
  );
}

export const archiveForm = defineAction('surveys', 'archiveForm', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ formId }, { caller, now }) => changeStatus(formId, 'archive', caller, now),
});

export const restoreForm = defineAction('surveys', 'restoreForm', {
  access: STAFF,
  scope: 'station',
  writes: true,
  handle: ({ formId }, { caller, now }) => changeStatus(formId, 'restore', caller, now),
});
