import { SOCIAL } from '../../support/activities';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { OTHER_RESIDENT, RESIDENT } from './support';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

it('seeds forms whose answers read back through the functions, and one form 张阿姨 can still fill', async () => {
  const forms = await h.ok(SOCIAL, 'surveys', 'forms', {});
  expect(forms.items.map((f) => f.title).sort()).toEqual(['小组参加者意见表', '活动参加者意见表']);

  const talk = await h.ok(SOCIAL, 'surveys', 'results', { activityId: 'DemoAct006' });
  expect(talk.satisfaction).toMatchObject({ respondents: 2, satisfied: 1, rate: '50.00%', meetsTarget: false });
  expect(talk.comments).toHaveLength(1);

  expect((await h.ok(RESIDENT, 'surveys', 'myForm', { activityId: 'DemoAct007' })).state).toBe('open');
  expect((await h.ok(OTHER_RESIDENT, 'surveys', 'myForm', { activityId: 'DemoAct007' })).state).toBe('answered');
  // The 小组's members answer after its last session, next week.
  expect((await h.ok('oDemoGroupMem01', 'surveys', 'myForm', { activityId: 'DemoAct008' })).state).toBe('not_yet');
});
