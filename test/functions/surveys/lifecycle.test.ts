import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { publish, SOCIAL } from '../../support/activities';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import {
  endedActivity,
  formAttachedTo,
  OTHER_RESIDENT,
  RESIDENT,
  signInByPaper,
  templateAnswers,
  templateDraft,
} from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

describe('rule: every state change is an allowed transition', () => {
  it('closes and reopens collecting, each only from the state it starts from', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT, OTHER_RESIDENT]);
    await formAttachedTo(h, activity.id);
    const ref = { activityId: activity.id };

    expect((await h.ok(SOCIAL, 'surveys', 'close', ref)).status).toBe('closed');
    expect(await h.errorCode(SOCIAL, 'surveys', 'close', ref)).toBe('SURVEY_STATE');
    expect(await h.errorCode(RESIDENT, 'surveys', 'submit', { ...ref, answers: templateAnswers(5) })).toBe(
      'SURVEY_CLOSED',
    );
    expect((await h.ok(RESIDENT, 'surveys', 'myForm', ref)).state).toBe('closed');
    expect(
      await h.errorCode(SOCIAL, 'surveys', 'enterPaper', { ...ref, personId: RESIDENT, answers: templateAnswers(5) }),
    ).toBe('SURVEY_CLOSED');

    expect((await h.ok(SOCIAL, 'surveys', 'reopen', ref)).status).toBe('open');
    expect(await h.errorCode(SOCIAL, 'surveys', 'reopen', ref)).toBe('SURVEY_STATE');
    expect((await h.ok(RESIDENT, 'surveys', 'submit', { ...ref, answers: templateAnswers(5) })).outcome).toBe(
      'submitted',
    );

    // Every step is kept: who and when.
    const [attachment] = (await h.db.dump('survey_attachments')).filter((a) => a._id === activity.id);
    expect((attachment!.history as { action: string; by: string }[]).map((e) => [e.action, e.by])).toEqual([
      ['attach', SOCIAL],
      ['close', SOCIAL],
      ['reopen', SOCIAL],
    ]);
  });

  it('replaces or removes a form only while nobody has answered it', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    const first = await formAttachedTo(h, activity.id);
    const second = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: await templateDraft(h, 'group') });

    // Unanswered: replaced by another form, then removed, then attached again.
    const replaced = await h.ok(SOCIAL, 'surveys', 'attach', { formId: second.id, activityIds: [activity.id] });
    expect(replaced.results[0]).toMatchObject({ outcome: 'replaced' });
    expect((await h.ok(SOCIAL, 'surveys', 'activitySurvey', { activityId: activity.id })).survey?.formId).toBe(
      second.id,
    );
    expect((await h.ok(SOCIAL, 'surveys', 'detach', { activityId: activity.id })).status).toBe('detached');
    expect(await h.errorCode(SOCIAL, 'surveys', 'close', { activityId: activity.id })).toBe('NOT_FOUND');
    expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id })).state).toBe('none');
    const again = await h.ok(SOCIAL, 'surveys', 'attach', { formId: first.id, activityIds: [activity.id] });
    expect(again.results[0]).toMatchObject({ outcome: 'attached' });
    const same = await h.ok(SOCIAL, 'surveys', 'attach', { formId: first.id, activityIds: [activity.id] });
    expect(same.results[0]).toMatchObject({ outcome: 'unchanged' });

    // Answered: it stays as it is.
    await h.ok(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(4) });
    const refused = await h.ok(SOCIAL, 'surveys', 'attach', { formId: second.id, activityIds: [activity.id] });
    expect(refused.results[0]).toMatchObject({ outcome: 'refused', code: 'SURVEY_HAS_RESPONSES' });
    expect(await h.errorCode(SOCIAL, 'surveys', 'detach', { activityId: activity.id })).toBe('SURVEY_HAS_RESPONSES');
    const state = await h.ok(SOCIAL, 'surveys', 'activitySurvey', { activityId: activity.id });
    expect(state).toMatchObject({ changeable: false, survey: { formId: first.id, status: 'open' } });
  });

  it('a detach racing answers either removes an unanswered form or keeps the answered one', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT, OTHER_RESIDENT]);
    await formAttachedTo(h, activity.id);
    const [detached, a, b] = await Promise.all([
      h.call(SOCIAL, 'surveys', 'detach', { activityId: activity.id }),
      h.call(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(5) }),
      h.call(OTHER_RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(2) }),
    ]);
    const stored = (await h.db.dump('survey_responses')).filter((r) => r.activityId === activity.id);
    const [attachment] = (await h.db.dump('survey_attachments')).filter((x) => x._id === activity.id);
    if (detached.ok) {
      // Removed first: no answer landed on it.
      expect(stored).toHaveLength(0);
      expect([a.ok, b.ok]).toEqual([false, false]);
    } else {
      expect(detached.error.code).toBe('SURVEY_HAS_RESPONSES');
      expect(attachment!.status).toBe('open');
      expect(stored.length).toBeGreaterThan(0);
    }
    expect(stored.length).toBe([a, b].filter((r) => r.ok).length);
  });

  it('archives and restores forms; an archived form is neither edited nor attached', async () => {
    const activity = await endedActivity(h);
    const form = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: await templateDraft(h) });
    expect((await h.ok(SOCIAL, 'surveys', 'archiveForm', { formId: form.id })).status).toBe('archived');
    expect(await h.errorCode(SOCIAL, 'surveys', 'archiveForm', { formId: form.id })).toBe('SURVEY_STATE');
    expect(
      await h.errorCode(SOCIAL, 'surveys', 'updateForm', {
        formId: form.id,
        version: 1,
        draft: await templateDraft(h),
      }),
    ).toBe('SURVEY_STATE');
    expect(await h.errorCode(SOCIAL, 'surveys', 'attach', { formId: form.id, activityIds: [activity.id] })).toBe(
      'SURVEY_STATE',
    );
    expect((await h.ok(SOCIAL, 'surveys', 'forms', { status: 'archived' })).items.map((f) => f.id)).toEqual([form.id]);
    expect((await h.ok(SOCIAL, 'surveys', 'restoreForm', { formId: form.id })).status).toBe('active');
    expect(await h.errorCode(SOCIAL, 'surveys', 'restoreForm', { formId: form.id })).toBe('SURVEY_STATE');
  });

  it('voids a response (kept, not counted); a new answer revives it and it still counts once', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    await formAttachedTo(h, activity.id);
    await h.ok(SOCIAL, 'surveys', 'enterPaper', {
      activityId: activity.id,
      personId: RESIDENT,
      answers: templateAnswers(2),
    });
    const ref = { activityId: activity.id, personId: RESIDENT, reason: '录错了人' };
    expect((await h.ok(SOCIAL, 'surveys', 'voidResponse', ref)).status).toBe('voided');
    expect(await h.errorCode(SOCIAL, 'surveys', 'voidResponse', ref)).toBe('SURVEY_STATE');
    expect((await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id })).satisfaction.respondents).toBe(0);

    expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id })).state).toBe('open');
    const own = await h.ok(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(5) });
    expect(own).toMatchObject({ outcome: 'submitted', response: { channel: 'self', enteredByName: null } });
    const [stored] = (await h.db.dump('survey_responses')).filter((r) => r.activityId === activity.id);
    expect(stored).toMatchObject({ status: 'submitted', channel: 'self', overall: 5 });
    expect(stored!.voided).toBeUndefined();
    expect(stored!.enteredBy).toBeUndefined();
    expect(stored!.history).toEqual([
      expect.objectContaining({
        status: 'voided',
        channel: 'paper',
        voided: expect.objectContaining({ reason: '录错了人' }),
      }),
    ]);
    const results = await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id });
    expect(results.satisfaction).toMatchObject({ respondents: 1, satisfied: 1 });
  });
});

describe('forms are versioned; an activity keeps the version it was given', () => {
  it('edits make a new version without changing what an attached activity asks', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    const form = await formAttachedTo(h, activity.id);
    expect(form.version).toBe(1);

    const draft = await templateDraft(h);
    const edited = {
      ...draft,
      questions: draft.questions.map((q) => (q.id === 'q1' ? { ...q, title: '活动内容是否符合您的需要？' } : q)),
    };
    const v2 = await h.ok(SOCIAL, 'surveys', 'updateForm', { formId: form.id, version: 1, draft: edited });
    expect(v2).toMatchObject({ version: 2, updatedByName: '李社工' });
    // An edit from a stale copy is refused, not silently merged.
    expect(await h.errorCode('oDemoSocial0002', 'surveys', 'updateForm', { formId: form.id, version: 1, draft })).toBe(
      'CONFLICT',
    );
    // Saving the same content again makes no new version.
    expect((await h.ok(SOCIAL, 'surveys', 'updateForm', { formId: form.id, version: 2, draft: edited })).version).toBe(
      2,
    );

    const mine = await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id });
    expect(mine.survey?.questions[0]?.title).toBe('您对本次活动的内容满意吗？');
    const state = await h.ok(SOCIAL, 'surveys', 'activitySurvey', { activityId: activity.id });
    expect(state.survey).toMatchObject({ formVersion: 1, attachedByName: '李社工' });

    // Attaching again gives the activity the new version (nobody has answered yet).
    const reattached = await h.ok(SOCIAL, 'surveys', 'attach', { formId: form.id, activityIds: [activity.id] });
    expect(reattached.results[0]).toMatchObject({ outcome: 'replaced' });
    const after = await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id });
    expect(after.survey?.questions[0]?.title).toBe('活动内容是否符合您的需要？');
  });

  it('refuses a form without an overall rating, or with a choice question as the overall', async () => {
    const draft = await templateDraft(h);
    const noOverall = await h.call(SOCIAL, 'surveys', 'createForm', { draft: { ...draft, overallQuestionId: 'q99' } });
    expect(noOverall).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'draft.overallQuestionId' }] },
    });
    const choice = await h.call(SOCIAL, 'surveys', 'createForm', { draft: { ...draft, overallQuestionId: 'q6' } });
    expect(choice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const duplicate = await h.call(SOCIAL, 'surveys', 'createForm', {
      draft: { ...draft, questions: [...draft.questions, { ...draft.questions[0]! }] },
    });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await h.db.dump('survey_forms')).filter((f) => !f.demo)).toHaveLength(0);
  });

  it('keeps forms to their station', async () => {
    const form = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: await templateDraft(h) });
    expect(await h.errorCode('oDemoOtherSW01', 'surveys', 'form', { formId: form.id })).toBe('NOT_FOUND');
    expect((await h.ok('oDemoOtherSW01', 'surveys', 'forms', {})).items).toEqual([]);
    const upcoming = await publish(h);
    const attached = await h.call('oDemoOtherSW01', 'surveys', 'attach', {
      formId: form.id,
      activityIds: [upcoming.id],
    });
    expect(attached).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await h.errorCode(RESIDENT, 'surveys', 'forms', {})).toBe('FORBIDDEN');
  });
});
