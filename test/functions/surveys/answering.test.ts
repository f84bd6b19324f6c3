import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { publish, SOCIAL } from '../../support/activities';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { endedActivity, formAttachedTo, OTHER_RESIDENT, RESIDENT, signInByPaper, templateAnswers } from './support';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const responses = async (activityId: string) =>
  (await h.db.dump('survey_responses')).filter((r) => r.activityId === activityId);

describe('rule: a form answered twice by one person counts once', () => {
  it('keeps the first answers and says so to a second submit', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    await formAttachedTo(h, activity.id);

    const first = await h.ok(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(5) });
    expect(first.outcome).toBe('submitted');
    const second = await h.ok(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(1) });
    expect(second.outcome).toBe('already_submitted');
    expect(second.response.answers.find((a) => a.questionId === 'q5')?.rating).toBe(5);

    const results = await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id });
    expect(results.satisfaction).toMatchObject({ respondents: 1, rated: 1, satisfied: 1, rate: '100.00%' });
  });

  it('stores one response for 10 concurrent submits by the same person', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    await formAttachedTo(h, activity.id);

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.ok(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(i % 2 ? 2 : 5) }),
      ),
    );
    expect(answers.filter((a) => a.outcome === 'submitted')).toHaveLength(1);
    const stored = await responses(activity.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!._id).toBe(`${activity.id}.${RESIDENT}`);
    // Every caller was answered with the one stored response.
    const kept = (stored[0]!.answers as { questionId: string; rating?: number }[]).find((a) => a.questionId === 'q5');
    expect(answers.every((a) => a.response.answers.find((x) => x.questionId === 'q5')?.rating === kept?.rating)).toBe(
      true,
    );
    // The form counts one answer taken: the nine duplicates gave theirs back.
    const [attachment] = (await h.db.dump('survey_attachments')).filter((a) => a._id === activity.id);
    expect(attachment!.responses).toBe(1);
    const results = await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id });
    expect(results.satisfaction.respondents).toBe(1);
  });

  it('a retry with the same requestId is answered from the first call', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    await formAttachedTo(h, activity.id);
    const input = { activityId: activity.id, answers: templateAnswers(4) };
    const first = await h.ok(RESIDENT, 'surveys', 'submit', input, 'req-survey-0001');
    const replay = await h.ok(RESIDENT, 'surveys', 'submit', input, 'req-survey-0001');
    expect(replay).toEqual(first);
    expect(replay.outcome).toBe('submitted');
  });
});

describe('rule: only attendees can answer', () => {
  it('refuses someone who did not sign in, and someone whose sign-in was annulled', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT, OTHER_RESIDENT]);
    await formAttachedTo(h, activity.id);
    await h.ok(SOCIAL, 'checkin', 'annul', { activityId: activity.id, personId: OTHER_RESIDENT, reason: '误签到' });

    expect(
      await h.errorCode('oDemoVolunteer1', 'surveys', 'submit', {
        activityId: activity.id,
        answers: templateAnswers(5),
      }),
    ).toBe('NOT_ATTENDEE');
    expect(
      await h.errorCode(OTHER_RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(5) }),
    ).toBe('NOT_ATTENDEE');
    expect((await h.ok('oDemoVolunteer1', 'surveys', 'myForm', { activityId: activity.id })).state).toBe(
      'not_attendee',
    );
    // A non-attendee is not even shown the questions.
    expect((await h.ok(OTHER_RESIDENT, 'surveys', 'myForm', { activityId: activity.id })).survey).toBeNull();
    expect(await responses(activity.id)).toHaveLength(0);
  });

  it('refuses paper entry for someone without a sign-in, and takes it for a walk-in who attended', async () => {
    const activity = await endedActivity(h);
    await formAttachedTo(h, activity.id);
    expect(
      await h.errorCode(SOCIAL, 'surveys', 'enterPaper', {
        activityId: activity.id,
        personId: RESIDENT,
        answers: templateAnswers(5),
      }),
    ).toBe('NOT_ATTENDEE');

    // A walk-in registered on the paper sign-in list (no phone, no WeChat).
    await h.ok(SOCIAL, 'checkin', 'recordPaper', {
      activityId: activity.id,
      note: '按纸质签到表补录',
      entries: [{ walkIn: { name: '黄婆婆', communityId: 'comm1' } }],
    });
    const { attendees } = await h.ok(SOCIAL, 'surveys', 'activitySurvey', { activityId: activity.id });
    const walkIn = attendees.find((a) => a.name === '黄婆婆')!;
    expect(walkIn).toMatchObject({ walkIn: true, response: null });

    // Paper forms may leave questions blank: only the overall rating and a comment here.
    const entered = await h.ok(SOCIAL, 'surveys', 'enterPaper', {
      activityId: activity.id,
      personId: walkIn.personId,
      answers: [
        { questionId: 'q5', rating: 4 },
        { questionId: 'q9', text: '希望多办几次' },
      ],
      note: '现场收回的纸质表',
    });
    expect(entered.outcome).toBe('submitted');
    expect(entered.response).toMatchObject({ channel: 'paper', enteredByName: '李社工', personName: '黄婆婆' });

    const after = await h.ok(SOCIAL, 'surveys', 'activitySurvey', { activityId: activity.id });
    expect(after.attendees.find((a) => a.personId === walkIn.personId)?.response).toMatchObject({
      channel: 'paper',
      status: 'submitted',
      enteredByName: '李社工',
    });
    const results = await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id });
    expect(results).toMatchObject({ paper: 1, attendees: 1 });
  });

  it('answers another station as if the activity did not exist', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    await formAttachedTo(h, activity.id);
    const input = { activityId: activity.id };
    expect(await h.errorCode('oDemoOtherSW01', 'surveys', 'results', input)).toBe('NOT_FOUND');
    expect(await h.errorCode('oDemoOtherSW01', 'surveys', 'activitySurvey', input)).toBe('NOT_FOUND');
    expect(await h.errorCode('oDemoOtherSW01', 'surveys', 'myForm', input)).toBe('NOT_FOUND');
    expect(
      await h.errorCode('oDemoOtherSW01', 'surveys', 'enterPaper', {
        ...input,
        personId: RESIDENT,
        answers: templateAnswers(5),
      }),
    ).toBe('NOT_FOUND');
    // Residents never read results.
    expect(await h.errorCode(RESIDENT, 'surveys', 'results', input)).toBe('FORBIDDEN');
  });
});

describe('when the form opens', () => {
  it('opens at sign-out, or at the end for those who did not sign out, and closes 30 days after', async () => {
    // Running now: started 30 minutes ago, ends in 90 minutes.
    const activity = await publish(
      h,
      {
        bookingOpensAt: new Date(Date.now() - 10 * HOUR).toISOString(),
        bookingClosesAt: new Date(Date.now() - HOUR).toISOString(),
      },
      -0.5,
    );
    await formAttachedTo(h, activity.id);
    const inToken = (await h.ok(SOCIAL, 'checkin', 'code', { activityId: activity.id, mode: 'in' })).token;
    await h.ok(RESIDENT, 'checkin', 'scan', { token: inToken });
    await h.ok(OTHER_RESIDENT, 'checkin', 'scan', { token: inToken });

    const early = await h.call(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(5) });
    expect(early).toMatchObject({ ok: false, error: { code: 'SURVEY_NOT_OPEN' } });
    expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id })).state).toBe('not_yet');

    const outToken = (await h.ok(SOCIAL, 'checkin', 'code', { activityId: activity.id, mode: 'out' })).token;
    await h.ok(RESIDENT, 'checkin', 'scan', { token: outToken });
    const mine = await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id });
    expect(mine.state).toBe('open');
    expect(mine.survey?.questions).toHaveLength(9);
    // Who did not sign out waits for the end.
    expect((await h.ok(OTHER_RESIDENT, 'surveys', 'myForm', { activityId: activity.id })).state).toBe('not_yet');
    expect(
      (await h.ok(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(4) })).outcome,
    ).toBe('submitted');

    clock.setOffset(2 * HOUR);
    expect((await h.ok(OTHER_RESIDENT, 'surveys', 'myForm', { activityId: activity.id })).state).toBe('open');
    clock.setOffset(31 * DAY);
    expect(
      await h.errorCode(OTHER_RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers: templateAnswers(4) }),
    ).toBe('SURVEY_CLOSED');
    // The one who answered still sees their own answers.
    const answered = await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: activity.id });
    expect(answered).toMatchObject({ state: 'answered', response: { personName: '张阿姨', channel: 'self' } });
  });
});

describe('bad answers change nothing', () => {
  it('names the question that is missing or malformed', async () => {
    const activity = await endedActivity(h);
    await signInByPaper(h, activity.id, [RESIDENT]);
    await formAttachedTo(h, activity.id);
    const submit = (answers: ReturnType<typeof templateAnswers>) =>
      h.call(RESIDENT, 'surveys', 'submit', { activityId: activity.id, answers });

    const noOverall = await submit(templateAnswers(5).filter((a) => a.questionId !== 'q5'));
    expect(noOverall).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'answers.q5', message: '请选择您的总体满意程度' }] },
    });
    const twoChoices = await submit(
      templateAnswers(5).map((a) => (a.questionId === 'q6' ? { questionId: 'q6', choices: ['o1', 'o2'] } : a)),
    );
    expect(twoChoices).toMatchObject({ ok: false, error: { fields: [{ path: 'answers.q6' }] } });
    const unknownOption = await submit(
      templateAnswers(5).map((a) => (a.questionId === 'q8' ? { questionId: 'q8', choices: ['o9'] } : a)),
    );
    expect(unknownOption).toMatchObject({ ok: false, error: { fields: [{ path: 'answers.q8' }] } });
    const textForRating = await submit([...templateAnswers(5).slice(1), { questionId: 'q1', text: '好' }]);
    expect(textForRating).toMatchObject({ ok: false, error: { fields: [{ path: 'answers.q1' }] } });
    const outOfScale = await h.call(RESIDENT, 'surveys', 'submit', {
      activityId: activity.id,
      answers: [{ questionId: 'q5', rating: 6 }],
    });
    expect(outOfScale).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    expect(await responses(activity.id)).toHaveLength(0);
    const [attachment] = (await h.db.dump('survey_attachments')).filter((a) => a._id === activity.id);
    expect(attachment!.responses).toBe(0);
  });
});
