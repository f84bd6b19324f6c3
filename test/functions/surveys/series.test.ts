import { fireTimer } from '../../../local/host/timers';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { enrolInGroup, publishGroup, SOCIAL } from '../../support/activities';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { OTHER_RESIDENT, RESIDENT, templateDraft } from './support';

const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const scan = async (personId: string, activityId: string, mode: 'in' | 'out') =>
  h.ok(personId, 'checkin', 'scan', { token: (await h.ok(SOCIAL, 'checkin', 'code', { activityId, mode })).token });

describe('a 小组 series has one form: each member answers once, at the last session', () => {
  it('opens at the last session for every member who came to any session', async () => {
    const group = await publishGroup(h);
    await enrolInGroup(h, group.id, RESIDENT);
    await enrolInGroup(h, group.id, OTHER_RESIDENT);
    clock.setOffset(0);
    const form = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: await templateDraft(h, 'group') });
    await h.ok(SOCIAL, 'surveys', 'attach', { formId: form.id, activityIds: [group.id] });
    const answers = [
      { questionId: 'q6', rating: 5 },
      ...[1, 2, 3, 4, 5].map((n) => ({ questionId: `q${n}`, rating: 4 })),
    ];
    const withChoice = [...answers, { questionId: 'q7', choices: ['o1'] }];

    // Session 1: 张阿姨 comes and signs out; the form is for the series, not this session.
    await scan(RESIDENT, group.id, 'in');
    await scan(RESIDENT, group.id, 'out');
    expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: group.id })).state).toBe('not_yet');
    expect(await h.errorCode(RESIDENT, 'surveys', 'submit', { activityId: group.id, answers: withChoice })).toBe(
      'SURVEY_NOT_OPEN',
    );
    // Nor are paper forms taken before the last session starts.
    clock.setOffset(3 * HOUR);
    expect(
      await h.errorCode(SOCIAL, 'surveys', 'enterPaper', { activityId: group.id, personId: RESIDENT, answers }),
    ).toBe('SURVEY_NOT_OPEN');
    // No invitation after session 1.
    await fireTimer('reminders', 'sendReminders');
    expect((await h.db.dump('outbox')).filter((m) => m.template === 'feedback_invitation')).toEqual([]);

    // The last session: 刘先生 comes (only to this one) and signs out early: open for him at once.
    clock.setOffset(2 * WEEK);
    await scan(OTHER_RESIDENT, group.id, 'in');
    await scan(OTHER_RESIDENT, group.id, 'out');
    expect((await h.ok(OTHER_RESIDENT, 'surveys', 'myForm', { activityId: group.id })).state).toBe('open');
    expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: group.id })).state).toBe('not_yet');
    await h.ok(OTHER_RESIDENT, 'surveys', 'submit', { activityId: group.id, answers: withChoice });

    // After the end: 张阿姨 (session 1 only) answers too — one response each, for the series.
    clock.setOffset(2 * WEEK + 3 * HOUR);
    expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: group.id })).state).toBe('open');
    await h.ok(RESIDENT, 'surveys', 'submit', { activityId: group.id, answers: withChoice });
    const again = await h.ok(RESIDENT, 'surveys', 'submit', { activityId: group.id, answers: withChoice });
    expect(again.outcome).toBe('already_submitted');
    const stored = (await h.db.dump('survey_responses')).filter((r) => r.activityId === group.id);
    expect(stored.map((r) => r._id).sort()).toEqual(
      [`${group.id}.${OTHER_RESIDENT}`, `${group.id}.${RESIDENT}`].sort(),
    );
    // Counted in the period of the series' end.
    expect(new Date(stored[0]!.activityEndAt as string).getTime()).toBe(Date.parse(group.endAt));

    const results = await h.ok(SOCIAL, 'surveys', 'results', { activityId: group.id });
    expect(results).toMatchObject({ attendees: 2, satisfaction: { respondents: 2, satisfied: 2, rate: '100.00%' } });
  });

  it('invites every member after the last session (not those who answered already), linking the form', async () => {
    const group = await publishGroup(h);
    await enrolInGroup(h, group.id, RESIDENT);
    await enrolInGroup(h, group.id, OTHER_RESIDENT);
    clock.setOffset(0);
    const form = await h.ok(SOCIAL, 'surveys', 'createForm', { draft: await templateDraft(h, 'group') });
    await h.ok(SOCIAL, 'surveys', 'attach', { formId: form.id, activityIds: [group.id] });
    await scan(RESIDENT, group.id, 'in');
    clock.setOffset(2 * WEEK);
    await scan(OTHER_RESIDENT, group.id, 'in');
    // 刘先生 hands in a paper form at the last session.
    await h.ok(SOCIAL, 'surveys', 'enterPaper', {
      activityId: group.id,
      personId: OTHER_RESIDENT,
      answers: [{ questionId: 'q6', rating: 4 }],
    });
    clock.setOffset(2 * WEEK + 3 * HOUR);
    await fireTimer('reminders', 'sendReminders');
    const invitations = (await h.db.dump('outbox')).filter((m) => m.template === 'feedback_invitation');
    expect(invitations).toEqual([
      expect.objectContaining({ toOpenid: RESIDENT, page: `pages/activity/index?id=${group.id}&feedback=1` }),
    ]);
  });
});
