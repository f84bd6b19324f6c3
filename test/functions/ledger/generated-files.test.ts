/**
 * Generated files (docs/files.md "Generated files"): every export answers a short-lived link to a
 * file in private storage, never the file. The link downloads exactly the bytes the export made,
 * stops working after 10 minutes, and cannot be bent to another station's file.
 */
import { unzipSync } from 'fflate';
import type { ActionInput } from '@linli/types/api';
import { EXPORT_TYPES, parseExportFileId } from '@linli/types/files';
import { localPlatform } from '../../../cloudfunctions/_shared/platform/local';
import { TEMP_FILE_URL_SECONDS } from '../../../cloudfunctions/_shared/platform/types';
import { generatedFilesRepository } from '../../../cloudfunctions/_shared/repositories/generated-files';
import { clock } from '../../../cloudfunctions/_shared/runtime/clock';
import { DEMO_STATION_ID, OTHER_STATION_ID } from '../../../local/demo/seed';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { OTHER_SOCIAL, SOCIAL } from '../../support/activities';

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

const chinaDay = (offsetDays = 0): string =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const lastMonth = () => ({ fromDate: chinaDay(-30), toDate: chinaDay() });

type Export = 'signInSheet' | 'volunteerRegistry' | 'completionTable' | 'evidencePack';
const INPUTS: Record<Export, () => ActionInput<'ledger', Export>> = {
  // The demo's 长者生日会, three days ago, signed in by 张阿姨.
  signInSheet: () => ({ activityId: 'DemoAct007' }),
  volunteerRegistry: lastMonth,
  completionTable: () => ({ contractId: 'ct_DemoLingnan', ...lastMonth() }),
  evidencePack: () => ({ contractId: 'ct_DemoLingnan', ...lastMonth() }),
};

/** The storage id behind a local link: `/__files/<encoded file id>?expires=…&sig=…`. */
const fileIdOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice('/__files/'.length));

describe.each(Object.keys(INPUTS) as Export[])('ledger.%s', (action) => {
  it('answers a link that downloads exactly the file it made, stored privately for the station', async () => {
    const upload = jest.spyOn(localPlatform, 'uploadFile');
    const started = clock.now().getTime();
    const answer = await h.ok(SOCIAL, 'ledger', action, INPUTS[action]());
    const finished = clock.now().getTime();

    expect(upload).toHaveBeenCalledTimes(1);
    const [cloudPath, made] = upload.mock.calls[0]!;
    expect(cloudPath).toMatch(new RegExp(`^exports/${DEMO_STATION_ID}/[\\w-]{22}\\.xlsx$`));
    expect(answer).toEqual({
      fileName: expect.stringMatching(/\.xlsx$/),
      mimeType: EXPORT_TYPES.xlsx,
      bytes: made.length,
      url: expect.stringMatching(/^http:\/\/linli\.test\/__files\/.+\?expires=\d+&sig=[\w-]{43}$/),
      expiresAt: expect.any(String),
    });
    // 10 minutes from the call (however long a loaded machine took to make the file).
    expect(Date.parse(answer.expiresAt)).toBeGreaterThanOrEqual(started + TEMP_FILE_URL_SECONDS * 1000);
    expect(Date.parse(answer.expiresAt)).toBeLessThanOrEqual(finished + TEMP_FILE_URL_SECONDS * 1000);

    const downloaded = await h.download(answer);
    expect(downloaded.equals(made)).toBe(true);
    expect(Object.keys(unzipSync(new Uint8Array(downloaded)))).toContain('xl/workbook.xml');

    // The answer is a few hundred bytes whatever the file's size: no bytes of the file in it.
    expect(JSON.stringify(answer).length).toBeLessThan(1000);
    expect(JSON.stringify(answer)).not.toContain(downloaded.subarray(0, 30).toString('base64').slice(0, 20));

    // The stored name is random, never the person's or the activity's.
    const fileId = fileIdOf(answer.url);
    expect(parseExportFileId(fileId)).toMatchObject({ env: 'local', stationId: DEMO_STATION_ID, extension: 'xlsx' });
    expect(fileId).not.toContain(answer.fileName.replace(/\.xlsx$/, ''));
    const records = await h.db.dump('generated_files');
    expect(records.filter((r) => r.fileId === fileId)).toEqual([
      {
        _id: parseExportFileId(fileId)!.name,
        stationId: DEMO_STATION_ID,
        fileId,
        bytes: made.length,
        createdAt: expect.any(Date),
      },
    ]);
  });
});

it('makes a new file each time: two exports of the same sheet are two files', async () => {
  const first = await h.ok(SOCIAL, 'ledger', 'signInSheet', INPUTS.signInSheet());
  const second = await h.ok(SOCIAL, 'ledger', 'signInSheet', INPUTS.signInSheet());
  expect(fileIdOf(first.url)).not.toBe(fileIdOf(second.url));
  expect((await h.download(first)).equals(await h.download(second))).toBe(true);
});

it('stops working once the link expires (10 minutes), while the file is still stored', async () => {
  const answer = await h.ok(SOCIAL, 'ledger', 'completionTable', INPUTS.completionTable());
  clock.setOffset((TEMP_FILE_URL_SECONDS - 5) * 1000);
  expect((await h.fetchLink(answer.url)).status).toBe(200);
  clock.setOffset((TEMP_FILE_URL_SECONDS + 1) * 1000);
  expect(await h.fetchLink(answer.url)).toEqual({ status: 403, message: '链接已过期' });
  expect(await h.files.exists(fileIdOf(answer.url))).toBe(true);
});

it("gives another station's staff neither the file nor a way to bend their own link to it", async () => {
  expect(await h.errorCode(OTHER_SOCIAL, 'ledger', 'signInSheet', INPUTS.signInSheet())).toBe('NOT_FOUND');
  expect(await h.errorCode(OTHER_SOCIAL, 'ledger', 'evidencePack', INPUTS.evidencePack())).toBe('NOT_FOUND');

  const ours = await h.ok(SOCIAL, 'ledger', 'signInSheet', INPUTS.signInSheet());
  // What they may export (their own station's hours) lands in their own station's folder.
  const theirs = await h.ok(OTHER_SOCIAL, 'ledger', 'volunteerRegistry', lastMonth());
  expect(parseExportFileId(fileIdOf(theirs.url))?.stationId).toBe(OTHER_STATION_ID);
  expect((await h.fetchLink(theirs.url)).status).toBe(200);

  // Their valid signature on our file's path, our path unsigned, or with a made-up signature: refused.
  const bent = new URL(theirs.url);
  bent.pathname = new URL(ours.url).pathname;
  const unsigned = new URL(ours.url);
  unsigned.search = '';
  const madeUp = new URL(ours.url);
  madeUp.searchParams.set('sig', 'A'.repeat(43));
  const later = new URL(ours.url);
  later.searchParams.set('expires', String(Number(later.searchParams.get('expires')) + 86_400));
  for (const url of [bent, unsigned, madeUp, later]) {
    expect(await h.fetchLink(url.toString())).toEqual({ status: 403, message: '无权访问' });
  }
});

it('takes the file back when its record cannot be written, so no file is left that clean-up cannot find', async () => {
  const upload = jest.spyOn(localPlatform, 'uploadFile');
  jest.spyOn(generatedFilesRepository, 'add').mockRejectedValueOnce(new Error('database unavailable'));
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await h.errorCode(SOCIAL, 'ledger', 'signInSheet', INPUTS.signInSheet())).toBe('INTERNAL');
  spy.mockRestore();
  const fileId = await (upload.mock.results[0]!.value as Promise<string>);
  expect(await h.files.exists(fileId)).toBe(false);
});
