import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { localFunctionNames } from '../../../local/host/functions';
import { timerFunctionNames } from '../../../local/host/timers';
import { FUNCTION_NAMES } from '@linli/types/api';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

it('8 concurrent calls as 8 different users each see their own OPENID', async () => {
  const users = Array.from({ length: 8 }, (_, i) => `oConcurrent${String(i).padStart(4, '0')}`);
  // Each creates a profile named after itself, concurrently; then each reads itself back.
  await Promise.all(
    users.map((openid) =>
      h.ok(openid, 'account', 'saveProfile', {
        name: openid.slice(-5),
        stationId: DEMO_STATION_ID,
        communityId: 'comm1',
        consent: true,
      }),
    ),
  );
  const seen = await Promise.all(users.map((openid) => h.ok(openid, 'account', 'me', {})));
  expect(seen.map((me) => me.profile?.openid)).toEqual(users);
  expect(seen.map((me) => me.profile?.name)).toEqual(users.map((u) => u.slice(-5)));
});

it('an anonymous call never inherits an identity from the process environment', async () => {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
  process.env.WX_OPENID = 'oDemoAdmin0001';
  try {
    expect(await h.errorCode(null, 'account', 'me', {})).toBe('UNAUTHENTICATED');
  } finally {
    delete process.env.WX_CONTEXT_KEYS;
    delete process.env.WX_OPENID;
  }
});

it('the local host knows every function in the action map and every function folder', () => {
  const folders = readdirSync(path.join(__dirname, '../../../cloudfunctions')).filter(
    (name) =>
      !name.startsWith('_') && existsSync(path.join(__dirname, '../../../cloudfunctions', name, 'src/index.ts')),
  );
  expect(localFunctionNames().sort()).toEqual([...FUNCTION_NAMES].sort());
  expect(folders.sort()).toEqual([...FUNCTION_NAMES, ...timerFunctionNames()].sort());
});
