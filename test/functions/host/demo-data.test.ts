import { startFunctionHarness, type FunctionHarness } from '../../support/functions';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

it('seeds upcoming activities a resident can browse, one of them open for sign-in now', async () => {
  const { items } = await h.ok('oDemoResident01', 'activity', 'list', { limit: 20 });
  expect(items.length).toBeGreaterThanOrEqual(5);
  expect(items.every((a) => a.stationId === 'st-lingnan')).toBe(true);
  const running = items.find((a) => Date.parse(a.startAt) <= Date.now() && Date.parse(a.endAt) > Date.now());
  expect(running?.title).toContain('正在进行');
});

it('seeds past activities with attendance on their rosters', async () => {
  const { items } = await h.ok('oDemoSocial0001', 'activity', 'manage', { limit: 20 });
  const past = items.filter((a) => Date.parse(a.endAt) < Date.now());
  expect(past.length).toBeGreaterThanOrEqual(2);
  for (const activity of past) {
    const roster = await h.ok('oDemoSocial0001', 'checkin', 'roster', { activityId: activity.id });
    expect(roster.counts.signedIn).toBeGreaterThan(0);
  }
});

it('marks every seeded record as demo data', async () => {
  for (const collection of ['stations', 'users', 'activities']) {
    expect((await h.db.dump(collection)).every((doc) => doc.demo === true)).toBe(true);
  }
});
