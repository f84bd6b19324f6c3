import {
  rollUpSatisfaction,
  tallySatisfaction,
  type RatedResponse,
} from '../../../cloudfunctions/_shared/domain/satisfaction';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import dayjs from '../../../cloudfunctions/_shared/runtime/dayjs';
import { addResidents, SOCIAL } from '../../support/activities';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { endedActivity, formAttachedTo, RESIDENT, signInByPaper, templateAnswers } from './support';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
  clock.setOffset(0);
});
afterEach(async () => {
  clock.setOffset(0);
  await h.close();
});

const today = () => dayjs().tz().format('YYYY-MM-DD');
const yesterday = () => dayjs().tz().subtract(1, 'day').format('YYYY-MM-DD');
const monthAgo = () => dayjs().tz().subtract(30, 'day').format('YYYY-MM-DD');

/** An ended activity with a form and `overalls.length` attendees who answered with these overall ratings. */
async function answeredActivity(
  overrides: Parameters<typeof endedActivity>[1],
  overalls: (number | null)[],
  prefix: string,
) {
  const activity = await endedActivity(h, overrides);
  const people = await addResidents(h, overalls.length, prefix);
  await signInByPaper(h, activity.id, people);
  await formAttachedTo(h, activity.id);
  await Promise.all(
    people.map((person, i) => {
      const overall = overalls[i]!;
      return overall === null
        ? h.ok(SOCIAL, 'surveys', 'enterPaper', {
            activityId: activity.id,
            personId: person,
            answers: [{ questionId: 'q1', rating: 3 }],
          })
        : h.ok(person, 'surveys', 'submit', {
            activityId: activity.id,
            answers: templateAnswers(overall, i === 0 ? `第${i + 1}位的建议` : undefined),
          });
    }),
  );
  return activity;
}

describe('results per activity', () => {
  it('shows the rate (5 of 6 satisfied: 83.33%), distributions, averages and comments without names', async () => {
    const activity = await answeredActivity({}, [5, 4, 4, 5, 3, 5], 'oRes');
    const results = await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id });
    expect(results.satisfaction).toEqual({
      respondents: 6,
      rated: 6,
      satisfied: 5,
      rate: '83.33%',
      meetsTarget: true,
    });
    expect(results.attendees).toBe(6);
    const overall = results.questions.find((q) => q.questionId === 'q5')!;
    expect(overall).toMatchObject({ overall: true, answered: 6, average: '4.33' });
    expect(overall.distribution.map((d) => [d.label, d.count, d.share])).toEqual([
      ['非常满意', 3, '50.00%'],
      ['满意', 2, '33.33%'],
      ['一般', 1, '16.67%'],
      ['不满意', 0, '0.00%'],
      ['非常不满意', 0, '0.00%'],
    ]);
    // Multiple choice: shares of respondents, adding up to more than 100%.
    const heard = results.questions.find((q) => q.questionId === 'q8')!;
    expect(heard.answered).toBe(6);
    expect(heard.distribution.filter((d) => d.count > 0).map((d) => [d.label, d.count])).toEqual([
      ['社区通知、公告栏', 6],
      ['微信群、小程序', 6],
    ]);
    expect(results.comments).toEqual([{ questionId: 'q9', text: '第1位的建议', submittedAt: expect.any(String) }]);
    expect(JSON.stringify(results.comments)).not.toMatch(/居民/);
  });

  it('leaves out of the rate a paper form whose overall question was left blank', async () => {
    const activity = await answeredActivity({}, [5, 2, null], 'oBlank');
    const { satisfaction } = await h.ok(SOCIAL, 'surveys', 'results', { activityId: activity.id });
    expect(satisfaction).toEqual({ respondents: 3, rated: 2, satisfied: 1, rate: '50.00%', meetsTarget: false });
  });
});

describe('roll-up per kind, 片区 and station', () => {
  it('sums the counts in one aggregation and agrees with the pure roll-up over the responses', async () => {
    await answeredActivity({ kind: 'lecture', areaId: 'area1', communityId: 'comm1' }, [5, 5, 4, 2], 'oA');
    await answeredActivity({ kind: 'small_event', areaId: 'area2', communityId: 'comm3' }, [3, 4], 'oB');
    await answeredActivity({ kind: 'lecture', areaId: 'area2', communityId: 'comm3' }, [5, 5, 5], 'oC');

    h.db.resetStats();
    // Since yesterday: these three activities, not the demo data's (which ended days ago).
    const rolled = await h.ok(SOCIAL, 'surveys', 'rollUp', { fromDate: yesterday(), toDate: today() });
    // Caller + one aggregation + station + activity titles: not one request per page of responses.
    expect(h.db.stats().requests).toBeLessThanOrEqual(4);

    expect(rolled.station).toEqual({ respondents: 9, rated: 9, satisfied: 7, rate: '77.78%', meetsTarget: false });
    expect(rolled.byKind.map((k) => [k.label, k.satisfied, k.rated, k.rate])).toEqual([
      ['中小型社区活动', 1, 2, '50.00%'],
      ['讲座', 6, 7, '85.71%'],
    ]);
    expect(rolled.byArea.map((a) => [a.areaId, a.rate])).toEqual([
      ['area1', '75.00%'],
      ['area2', '80.00%'],
    ]);
    expect(rolled.activities).toHaveLength(3);

    // The pure function over every stored response gives the same numbers.
    const stored = (await h.db.dump('survey_responses')) as unknown as (RatedResponse & {
      status: string;
      demo?: boolean;
    })[];
    const pure = rollUpSatisfaction(tallySatisfaction(stored.filter((r) => r.status === 'submitted' && !r.demo)));
    expect(rolled.station).toEqual(pure.station);
    const byKindOf = (rows: { kind: string }[]) => [...rows].sort((a, b) => (a.kind < b.kind ? -1 : 1));
    expect(byKindOf(rolled.byKind.map(({ label: _l, ...k }) => k))).toEqual(byKindOf(pure.byKind));
    expect(rolled.byArea.map(({ label: _l, ...a }) => a)).toEqual(pure.byArea);
  });

  it('counts an activity in the period its end falls in, and checks the period', async () => {
    await answeredActivity({}, [5], 'oP');
    const lastYear = dayjs().tz().subtract(400, 'day');
    const before = await h.ok(SOCIAL, 'surveys', 'rollUp', {
      fromDate: lastYear.format('YYYY-MM-DD'),
      toDate: lastYear.add(10, 'day').format('YYYY-MM-DD'),
    });
    expect(before.station).toMatchObject({ respondents: 0, rate: null, meetsTarget: null });
    const tooLong = await h.call(SOCIAL, 'surveys', 'rollUp', {
      fromDate: dayjs().tz().subtract(600, 'day').format('YYYY-MM-DD'),
      toDate: today(),
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await h.errorCode(RESIDENT, 'surveys', 'rollUp', { fromDate: monthAgo(), toDate: today() })).toBe(
      'FORBIDDEN',
    );
  });
});
