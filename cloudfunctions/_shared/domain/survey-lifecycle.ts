/**
 * Every state a satisfaction form, its attachment to an activity and a response can be in, and
 * the only steps between them. Handlers ask `step(...)` before writing and write conditionally on
 * the state they read (repositories/survey-*.ts), so two staff acting at once cannot both change
 * the same thing, and no state is reached by any other path. A new step is added here, with its
 * test (test/unit/domain/survey-lifecycle.test.ts), or not at all.
 */

export type FormStatus = 'active' | 'archived';
export type FormStep = 'edit' | 'archive' | 'restore' | 'attach';

export type AttachmentStatus = 'open' | 'closed' | 'detached';
/** `none`: the activity has never had a form. */
export type AttachmentState = AttachmentStatus | 'none';
export type AttachmentStep = 'attach' | 'close' | 'reopen' | 'detach' | 'answer';

export type ResponseStatus = 'submitted' | 'voided';
export type ResponseState = ResponseStatus | 'none';
export type ResponseStep = 'submit' | 'void';

interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

/** Forms: edited (a new version) and attached only while active; archived and restored. */
export const FORM_TRANSITIONS: Record<FormStep, Transition<FormStatus>> = {
  edit: { from: ['active'], to: 'active' },
  archive: { from: ['active'], to: 'archived' },
  restore: { from: ['archived'], to: 'active' },
  attach: { from: ['active'], to: 'active' },
};

/**
 * An activity's form. `attach` over an existing open or closed one replaces it (a new snapshot)
 * and `detach` removes it — both only while nobody has answered (`mayChange`). Answers are taken
 * only while open.
 */
export const ATTACHMENT_TRANSITIONS: Record<AttachmentStep, Transition<AttachmentState>> = {
  attach: { from: ['none', 'detached', 'open', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  reopen: { from: ['closed'], to: 'open' },
  detach: { from: ['open', 'closed'], to: 'detached' },
  answer: { from: ['open'], to: 'open' },
};

/** A response: submitted once; voided by staff (kept, not counted); a new answer revives it. */
export const RESPONSE_TRANSITIONS: Record<ResponseStep, Transition<ResponseState>> = {
  submit: { from: ['none', 'voided'], to: 'submitted' },
  void: { from: ['submitted'], to: 'voided' },
};

export type StepResult<S> = { ok: true; to: S } | { ok: false };

function step<S extends string, E extends string>(table: Record<E, Transition<S>>, from: S, event: E): StepResult<S> {
  const transition = table[event];
  return transition.from.includes(from) ? { ok: true, to: transition.to } : { ok: false };
}

export const formStep = (from: FormStatus, event: FormStep) => step(FORM_TRANSITIONS, from, event);
export const attachmentStep = (from: AttachmentState, event: AttachmentStep) =>
  step(ATTACHMENT_TRANSITIONS, from, event);
export const responseStep = (from: ResponseState, event: ResponseStep) => step(RESPONSE_TRANSITIONS, from, event);

/** Replacing or removing an activity's form loses nothing only while nobody has answered it. */
export const mayChangeAttachment = (responses: number): boolean => responses === 0;
