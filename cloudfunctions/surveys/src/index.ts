import { surveysActions } from '@linli/types/actions/surveys';
import { createFunction } from '../../_shared/runtime/dispatcher';
import { myForm, enterPaper, submit, voidResponse } from './handlers/answering';
import { activitySurvey, attach, close, detach, reopen } from './handlers/attachments';
import { archiveForm, createForm, form, forms, restoreForm, templates, updateForm } from './handlers/forms';
import { results, rollUp } from './handlers/results';

/** surveys: satisfaction forms (参加者意见表) — building, attaching, answering, results. */
export const main = createFunction('surveys', surveysActions, {
  templates,
  forms,
  form,
  createForm,
  updateForm,
  archiveForm,
  restoreForm,
  attach,
  activitySurvey,
  close,
  reopen,
  detach,
  results,
  rollUp,
  myForm,
  submit,
  enterPaper,
  voidResponse,
});
