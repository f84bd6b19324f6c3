import fc from 'fast-check';
import {
  ATTACHMENT_TRANSITIONS,
  attachmentStep,
  FORM_TRANSITIONS,
  formStep,
  mayChangeAttachment,
  RESPONSE_TRANSITIONS,
  responseStep,
  type AttachmentState,
  type AttachmentStep,
  type FormStatus,
  type FormStep,
  type ResponseState,
  type ResponseStep,
} from '../../../cloudfunctions/_shared/domain/survey-lifecycle';

const FORM_STATES: FormStatus[] = ['active', 'archived'];
const ATTACHMENT_STATES: AttachmentState[] = ['none', 'open', 'closed', 'detached'];
const RESPONSE_STATES: ResponseState[] = ['none', 'submitted', 'voided'];

describe('forms', () => {
  it.each([
    ['active', 'edit', 'active'],
    ['active', 'attach', 'active'],
    ['active', 'archive', 'archived'],
    ['archived', 'restore', 'active'],
  ] as const)('%s —%s→ %s', (from, step, to) => {
    expect(formStep(from, step)).toEqual({ ok: true, to });
  });

  it.each([
    ['archived', 'edit'],
    ['archived', 'attach'],
    ['archived', 'archive'],
    ['active', 'restore'],
  ] as const)('refuses %s —%s→', (from, step) => {
    expect(formStep(from, step)).toEqual({ ok: false });
  });
});

describe('an activity’s form', () => {
  it('is attached from any state, closed only when open, reopened only when closed', () => {
    expect(ATTACHMENT_STATES.map((s) => attachmentStep(s, 'attach'))).toEqual(
      ATTACHMENT_STATES.map(() => ({ ok: true, to: 'open' })),
    );
    expect(ATTACHMENT_STATES.filter((s) => attachmentStep(s, 'close').ok)).toEqual(['open']);
    expect(ATTACHMENT_STATES.filter((s) => attachmentStep(s, 'reopen').ok)).toEqual(['closed']);
    expect(ATTACHMENT_STATES.filter((s) => attachmentStep(s, 'detach').ok)).toEqual(['open', 'closed']);
  });

  it('takes answers only while open', () => {
    expect(ATTACHMENT_STATES.filter((s) => attachmentStep(s, 'answer').ok)).toEqual(['open']);
  });

  it('is replaced or removed only while nobody has answered', () => {
    expect(mayChangeAttachment(0)).toBe(true);
    expect(mayChangeAttachment(1)).toBe(false);
  });
});

describe('a response', () => {
  it('is submitted once, voided once, and a new answer revives a voided one', () => {
    expect(RESPONSE_STATES.filter((s) => responseStep(s, 'submit').ok)).toEqual(['none', 'voided']);
    expect(RESPONSE_STATES.filter((s) => responseStep(s, 'void').ok)).toEqual(['submitted']);
  });
});

/**
 * Whatever sequence of steps people try, the state only ever moves along a listed transition:
 * a refused step leaves it where it was.
 */
function walk<S extends string, E extends string>(
  states: readonly S[],
  steps: readonly E[],
  table: Record<E, { from: readonly S[]; to: S }>,
  decide: (from: S, step: E) => { ok: true; to: S } | { ok: false },
) {
  fc.assert(
    fc.property(fc.constantFrom(...states), fc.array(fc.constantFrom(...steps), { maxLength: 30 }), (start, tried) => {
      let state = start;
      for (const step of tried) {
        const result = decide(state, step);
        if (result.ok) {
          expect(table[step].from).toContain(state);
          state = result.to;
        } else {
          expect(table[step].from).not.toContain(state);
        }
        expect(states).toContain(state);
      }
    }),
  );
}

it('every state change is one of the listed transitions', () => {
  walk(FORM_STATES, ['edit', 'archive', 'restore', 'attach'] as FormStep[], FORM_TRANSITIONS, formStep);
  walk(
    ATTACHMENT_STATES,
    ['attach', 'close', 'reopen', 'detach', 'answer'] as AttachmentStep[],
    ATTACHMENT_TRANSITIONS,
    attachmentStep,
  );
  walk(RESPONSE_STATES, ['submit', 'void'] as ResponseStep[], RESPONSE_TRANSITIONS, responseStep);
});
