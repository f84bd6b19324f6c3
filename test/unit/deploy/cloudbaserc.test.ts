/**
 * The CloudBase CLI configuration generated from the functions' config.json files: every
 * function, its timeout and trigger, its variables only as references the CLI fills in — never a
 * value — and nothing the cloud does not need in the upload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { functionFolders } from '../../../scripts/build-functions';
import { envReference, IGNORE, makeCloudbaserc, RUNTIME } from '../../../scripts/deploy/cloudbaserc';
import { readFunctions, ROOT } from '../../../scripts/deploy/repo';

const functions = readFunctions();
const secretValue = 'f3b1c9d27e4a8b6c0d5e9f1a2b3c4d5e';
const config = makeCloudbaserc({
  envId: 'linli-prod-1g2h3i',
  functions,
  variables: new Map([
    ['checkin', ['LINLI_SIGNIN_SECRET', 'LINLI_DATA_KEY']],
    ['reminders', ['LINLI_TEMPLATE_ACTIVITY_REMINDER']],
  ]),
});

const configJson = (name: string) =>
  JSON.parse(readFileSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'), 'utf8')) as {
    timeout: number;
    triggers?: unknown[];
  };

it('lists every function folder, with its own timeout and triggers', () => {
  expect(config.functions.map((fn) => fn.name)).toEqual(functionFolders());
  for (const fn of config.functions) {
    const own = configJson(fn.name);
    expect([fn.name, fn.timeout, fn.triggers ?? []]).toEqual([fn.name, own.timeout, own.triggers ?? []]);
    expect(fn).toMatchObject({ runtime: RUNTIME, handler: 'index.main', installDependency: true, ignore: IGNORE });
  }
});

it('gives the timer functions their one trigger: reminders, shifts, escalations and the nightly roll-up', () => {
  const triggers = Object.fromEntries(config.functions.filter((fn) => fn.triggers).map((fn) => [fn.name, fn.triggers]));
  expect(Object.keys(triggers).sort()).toEqual(['escalations', 'reminders', 'rollups', 'shifts']);
  expect(triggers.rollups).toEqual([{ name: 'recomputeTouched', type: 'timer', config: '0 30 2 * * * *' }]);
});

it('writes variables as references the CLI fills in, never values', () => {
  const checkin = config.functions.find((fn) => fn.name === 'checkin')!;
  expect(checkin.envVariables).toEqual({
    LINLI_SIGNIN_SECRET: '{{env.LINLI_SIGNIN_SECRET}}',
    LINLI_DATA_KEY: '{{env.LINLI_DATA_KEY}}',
  });
  expect(config.functions.find((fn) => fn.name === 'account')!.envVariables).toBeUndefined();
  const text = JSON.stringify(config);
  expect(text).not.toContain(secretValue);
  for (const fn of config.functions) {
    for (const [name, value] of Object.entries(fn.envVariables ?? {})) expect(value).toBe(envReference(name));
  }
});

it('leaves out a trigger already in place, so the CLI does not try to create it twice', () => {
  const again = makeCloudbaserc({
    envId: 'e',
    functions,
    variables: new Map(),
    createTrigger: (fn) => fn !== 'rollups',
  });
  expect(again.functions.find((fn) => fn.name === 'rollups')!.triggers).toBeUndefined();
  expect(again.functions.find((fn) => fn.name === 'reminders')!.triggers).toHaveLength(1);
});

it('uploads what the cloud runs and nothing else: the bundle, package.json and config.json', () => {
  expect(IGNORE).toEqual(expect.arrayContaining(['src', 'node_modules', 'index.js.map']));
  expect(config.functionRoot).toBe('./cloudfunctions');
  for (const fn of functions) expect(fn.dependencies).toHaveProperty('wx-server-sdk');
});
