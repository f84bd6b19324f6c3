/**
 * The nightly clean-ups on the `rollups` timer (cloudfunctions/rollups/src/nightly.ts): generated
 * files older than a day, and idempotency records older than a week, are deleted in bounded
 * batches; fresher ones stay. docs/files.md, docs/access.md.
 */
import { localPlatform } from '../../../cloudfunctions/_shared/platform/local';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { purgeOldRequests } from '../../../cloudfunctions/_shared/runtime/idempotency';
import { purgeGeneratedFiles } from '../../../cloudfunctions/_shared/runtime/generated-files';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { fireTimer } from '../../../local/host/timers';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { SOCIAL } from '../../support/activities';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  clock.setOffset(0);
  jest.restoreAllMocks();
});

const nightly = async () => {
  const answer = await fireTimer('rollups', 'recomputeTouched');
  if (!answer.ok) throw new Error(`the nightly run failed: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
};
const fileIdOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice('/__files/'.length));
const exportSheet = () => h.ok(SOCIAL, 'ledger', 'signInSheet', { activityId: 'DemoAct007' });

describe('generated files', () => {
  it('are deleted, file and record, once a day old; fresher ones stay and still download', async () => {
    const old = await exportSheet();
    clock.setOffset(23 * HOUR);
    const fresh = await exportSheet();
    clock.setOffset(DAY + 60_000);

    const summary = await nightly();

    expect(summary).toMatchObject({ filesDeleted: 1, months: expect.any(Number) });
    expect(await h.files.exists(fileIdOf(old.url))).toBe(false);
    expect(await h.files.exists(fileIdOf(fresh.url))).toBe(true);
    const left = (await h.db.dump('generated_files')).map((r) => r.fileId);
    expect(left).not.toContain(fileIdOf(old.url));
    expect(left).toContain(fileIdOf(fresh.url));
    // The fresh file's link was made 1 h 1 min of clock ago: expired, but a new export works.
    expect((await h.download(await exportSheet())).length).toBe(fresh.bytes);

    clock.setOffset(2 * DAY + 2 * 60_000);
    expect(await nightly()).toMatchObject({ filesDeleted: 2 });
    expect(await h.db.dump('generated_files')).toEqual([]);
  });

  it('are deleted in batches of 50, at least one a night, the rest while time is left', async () => {
    const createdAt = new Date(clock.now().getTime() - 2 * DAY);
    const records = Array.from({ length: 120 }, (_, i) => ({
      _id: `OldExport${String(i).padStart(13, '0')}`,
      stationId: DEMO_STATION_ID,
      fileId: `cloud://local/exports/${DEMO_STATION_ID}/OldExport${String(i).padStart(13, '0')}.xlsx`,
      bytes: 100,
      createdAt,
    }));
    await h.db.insertMany('generated_files', records);
    // Out of time before the first batch: one batch all the same.
    expect(await purgeGeneratedFiles(clock.now(), 0)).toBe(50);
    expect(await purgeGeneratedFiles(clock.now(), Date.now() + 60_000)).toBe(70);
    expect(await h.db.dump('generated_files')).toEqual([]);
  });
});

describe('idempotency records', () => {
  const key = (i: number, prefix: string) => `feedback.submit.oDemoResident01.${prefix}${String(i).padStart(8, '0')}`;
  const record = (i: number, prefix: string, ageMs: number) => ({
    _id: key(i, prefix),
    state: 'done',
    createdAt: new Date(clock.now().getTime() - ageMs),
    response: { ok: true, data: { id: `fb${i}` } },
  });

  it('are deleted after a week, in batches of 1000; a retry within the week still gets its answer', async () => {
    await h.db.insertMany('requests', [
      ...Array.from({ length: 2500 }, (_, i) => record(i, 'old', 7 * DAY + HOUR)),
      ...Array.from({ length: 3 }, (_, i) => record(i, 'recent', 6 * DAY)),
    ]);
    // A real write made now, with its request id: a replay tomorrow answers the same.
    const sent = await h.ok(
      'oDemoResident01',
      'feedback',
      'submit',
      { category: 'suggestion', text: '希望增加周末活动' },
      'retry0000001',
    );

    expect(await nightly()).toMatchObject({ requestsDeleted: 2500 });
    const left = (await h.db.dump('requests')).map((r) => r._id as string);
    expect(left.filter((id) => id.includes('.old'))).toEqual([]);
    expect(left.filter((id) => id.includes('.recent'))).toHaveLength(3);

    clock.setOffset(DAY);
    const replay = await h.ok(
      'oDemoResident01',
      'feedback',
      'submit',
      { category: 'suggestion', text: '希望增加周末活动' },
      'retry0000001',
    );
    expect(replay).toEqual(sent);
  });

  it('are deleted at most one batch when out of time', async () => {
    await h.db.insertMany(
      'requests',
      Array.from({ length: 1500 }, (_, i) => record(i, 'late', 8 * DAY)),
    );
    expect(await purgeOldRequests(clock.now(), 0)).toBe(1000);
    expect(await purgeOldRequests(clock.now(), 0)).toBe(500);
    expect(await purgeOldRequests(clock.now(), 0)).toBe(0);
  });
});

it('runs every job when one fails: storage refusing a deletion stops neither the other clean-up nor the roll-ups', async () => {
  const createdAt = new Date(clock.now().getTime() - 2 * DAY);
  await h.db.insertMany('generated_files', [
    {
      _id: 'StuckExport00000000000',
      stationId: DEMO_STATION_ID,
      fileId: 'cloud://local/exports/st-lingnan/StuckExport00000000000.xlsx',
      bytes: 1,
      createdAt,
    },
  ]);
  await h.db.insertMany('requests', [
    {
      _id: 'feedback.submit.oDemoResident01.stuck0001',
      state: 'done',
      createdAt: new Date(clock.now().getTime() - 8 * DAY),
    },
  ]);
  jest.spyOn(localPlatform, 'deleteFiles').mockRejectedValue(new Error('storage unavailable'));
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  clock.setOffset(HOUR);

  const answer = await fireTimer('rollups', 'recomputeTouched');

  expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(logged.mock.calls.flat().join(' ')).toContain('purgeGeneratedFiles');
  // The record stays for the next night; the requests went; the roll-up job ran at this night's time.
  expect((await h.db.dump('generated_files')).map((r) => r._id)).toContain('StuckExport00000000000');
  expect((await h.db.dump('requests')).map((r) => r._id)).not.toContain('feedback.submit.oDemoResident01.stuck0001');
  const [job] = await h.db.dump('indicator_jobs');
  expect((job!.startedAt as Date).getTime()).toBeGreaterThanOrEqual(clock.now().getTime() - 60_000);
});
