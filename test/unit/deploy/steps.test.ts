/**
 * The deploy steps end to end against an in-memory environment (fake-cloud.ts) and a fake CLI:
 * each dry run prints the whole plan from the repository's files; a real run makes the
 * environment match, a second run changes nothing, secrets travel only in the CLI's environment,
 * and `check` says what differs.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionFolders } from '../../../scripts/build-functions';
import { variablesFromSources } from '../../../scripts/deploy/bundles';
import type { Cloudbaserc } from '../../../scripts/deploy/cloudbaserc';
import { type FunctionVariables } from '../../../scripts/deploy/env-variables';
import { main } from '../../../scripts/deploy/index';
import { readCollections, readFunctions, readStorageRule } from '../../../scripts/deploy/repo';
import { FakeCloud, fakeDeps } from './fake-cloud';

let variables: Map<string, FunctionVariables>;
beforeAll(async () => {
  variables = await variablesFromSources(functionFolders());
}, 60_000);

const SECRETS = {
  LINLI_SIGNIN_SECRET: 'c0ffee'.repeat(8),
  LINLI_CERTIFICATE_SECRET: 'beef'.repeat(12),
  LINLI_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
};
const ENV_FILE = `${Object.entries(SECRETS)
  .map(([name, value]) => `${name}=${value}`)
  .join('\n')}\nLINLI_TEMPLATE_ACTIVITY_REMINDER=tmpl-reminder\n`;

const collections = readCollections();
const functions = readFunctions();

/** Fresh output and fake CLI; the environment given (one environment across steps and runs) or a new one. */
function setup(options: { envFile?: string | null; failDeploy?: string[]; cloud?: FakeCloud } = {}) {
  const cloud = options.cloud ?? new FakeCloud();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  const envFile = options.envFile === undefined ? ENV_FILE : options.envFile;
  return { cloud, workDir, deps: fakeDeps({ cloud, variables, envFile, workDir, failDeploy: options.failDeploy }) };
}

describe('dry runs: the plan, from the repository, contacting nobody', () => {
  it('collections: every collection, index and rule', async () => {
    const { deps } = setup();
    expect(await main(['collections', '--dry-run'], deps)).toBe(0);
    const plan = deps.out.lines.join('\n');
    for (const { name, indexes, rule } of collections) {
      expect(plan).toContain(`create collection ${name}\n`);
      for (const index of indexes) {
        const keys = index.keys.map((k) => `${k.field}: ${k.direction}`).join(', ');
        expect(plan).toContain(`create index ${name}.${index.name} { ${keys} }${index.unique ? ' unique' : ''}\n`);
      }
      expect(plan).toContain(`set rule ${name} ${JSON.stringify(rule)}`);
    }
  });

  it('storage-rules: the rule of config/storage-rules.json', async () => {
    const { deps } = setup();
    expect(await main(['storage-rules', '--dry-run'], deps)).toBe(0);
    expect(deps.out.lines).toContain(`  set storage rule CUSTOM ${JSON.stringify(readStorageRule())}`);
  });

  it('functions: every function, its trigger, its variables, and the CLI configuration', async () => {
    const { deps } = setup({ envFile: null });
    expect(await main(['functions', '--dry-run', '--env', 'linli-1a2b'], deps)).toBe(0);
    const lines = deps.out.lines;
    const config = JSON.parse(lines[lines.length - 1]!) as Cloudbaserc;
    expect(config.envId).toBe('linli-1a2b');
    expect(config.functions.map((fn) => fn.name)).toEqual(functions.map((fn) => fn.name));
    for (const fn of functions) {
      const line = lines.find((l) => l.startsWith(`  ${fn.name}: `))!;
      expect(line).toContain(`timeout ${fn.timeout} s`);
      for (const trigger of fn.triggers) expect(line).toContain(`timer ${trigger.name} "${trigger.config}"`);
      const names = variables.get(fn.name)!.names;
      const listed = config.functions.find((f) => f.name === fn.name)!;
      expect(Object.keys(listed.envVariables ?? {})).toEqual(names);
      expect(listed.triggers ?? []).toEqual(fn.triggers);
      expect(lines).toContain(
        `  run tcb --config-file <temporary folder>/cloudbaserc.json fn deploy ${fn.name} --force --yes -e linli-1a2b`,
      );
    }
    expect(lines[1]).toBe(`  run npm run build:functions -- ${functions.map((fn) => fn.name).join(' ')}`);
    expect(deps.runs).toEqual([]);
  });

  it('functions: says which variables .env.cloud sets, never their values, and what a real run would refuse', async () => {
    const { deps } = setup({ envFile: 'LINLI_SIGNIN_SECRET=short\n' });
    expect(await main(['functions', '--dry-run'], deps)).toBe(0);
    const text = deps.out.lines.join('\n');
    expect(text).toContain('LINLI_SIGNIN_SECRET (required, secret, set)');
    expect(text).toContain('LINLI_CERTIFICATE_SECRET (required, secret, not set)');
    expect(text).toContain('a real run would stop: LINLI_SIGNIN_SECRET must be at least 16 characters');
    expect(text).not.toContain('=short');
  });

  it('check: all three plans', async () => {
    const { deps } = setup();
    expect(await main(['check', '--dry-run'], deps)).toBe(0);
    expect(deps.out.lines.filter((line) => /^(collections|storage-rules|functions): plan/.test(line))).toHaveLength(3);
  });
});

describe('collections and storage rules, for real', () => {
  it('create what is missing, leave what differs, and change nothing the second time', async () => {
    const { cloud, deps } = setup();
    cloud.collections.set('users', {
      indexes: [{ name: 'station_roles', keys: [{ field: 'stationId', direction: '1' }], unique: false }],
      rule: { aclTag: 'ADMINONLY', rule: null },
    });
    cloud.collections.set('old_things', { indexes: [], rule: { aclTag: 'PRIVATE', rule: null } });
    expect(await main(['collections', '--env', 'linli-1a2b'], deps)).toBe(0);
    expect(cloud.writes).not.toContain('createCollection users');
    expect(cloud.writes).not.toContain('setCollectionRule users'); // ADMINONLY is already closed
    expect(cloud.writes).toContain('createIndex users.card');
    expect(deps.out.lines.join('\n')).toContain('index users.station_roles differs');
    expect(deps.out.lines.join('\n')).toContain('collection old_things is not in config/db-indexes.json');
    for (const { name, indexes } of collections) {
      expect(
        cloud.collections
          .get(name)!
          .indexes.map((i) => i.name)
          .sort(),
      ).toEqual(indexes.map((i) => i.name).sort());
    }

    cloud.writes = [];
    const again = setup({ cloud });
    expect(await main(['collections', '--env', 'linli-1a2b'], again.deps)).toBe(0);
    expect(cloud.writes).toEqual([]);
    expect(again.deps.out.lines.at(-1)).toMatch(/already matches the repository/);
  });

  it('storage: set once, then in place', async () => {
    const { cloud, deps } = setup();
    expect(await main(['storage-rules', '--env', 'linli-1a2b'], deps)).toBe(0);
    expect(cloud.storage).toEqual({ aclTag: 'CUSTOM', rule: readStorageRule() });
    cloud.writes = [];
    expect(await main(['storage-rules', '--env', 'linli-1a2b'], deps)).toBe(0);
    expect(cloud.writes).toEqual([]);
  });
});

describe('functions, for real', () => {
  it('build, then deploy each with its variables filled from .env.cloud and its trigger', async () => {
    const { cloud, deps, workDir } = setup();
    expect(await main(['functions', '--env', 'linli-1a2b'], deps)).toBe(0);
    expect(deps.runs[0]).toBe(`npm run build:functions -- ${functions.map((fn) => fn.name).join(' ')}`);
    expect(deps.runs).toHaveLength(functions.length + 1);
    // Each function gets the variables its bundle reads that .env.cloud sets, with their values.
    const set: Record<string, string> = { ...SECRETS, LINLI_TEMPLATE_ACTIVITY_REMINDER: 'tmpl-reminder' };
    for (const fn of functions) {
      const expected = variables.get(fn.name)!.names.filter((name) => name in set);
      expect([fn.name, cloud.functions.get(fn.name)!.env]).toEqual([
        fn.name,
        Object.fromEntries(expected.map((name) => [name, set[name]])),
      ]);
    }
    expect(cloud.functions.get('checkin')!.env.LINLI_SIGNIN_SECRET).toBe(SECRETS.LINLI_SIGNIN_SECRET);
    const withCertificateSecret = functions.filter(
      (fn) => 'LINLI_CERTIFICATE_SECRET' in cloud.functions.get(fn.name)!.env,
    );
    expect(withCertificateSecret.map((fn) => fn.name)).toEqual(['hours']);
    // Templates and optional settings go only where set: one template id, to the function that sends it.
    expect(cloud.functions.get('reminders')!.env).toEqual({ LINLI_TEMPLATE_ACTIVITY_REMINDER: 'tmpl-reminder' });
    expect(cloud.functions.get('rollups')!.triggers).toEqual([{ name: 'recomputeTouched', config: '0 30 2 * * * *' }]);
    expect(cloud.functions.get('ledger')!.timeout).toBe(30);
    // The configuration on disk names the variables but holds no value.
    const file = path.join(workDir, 'cloudbaserc.json');
    const text = readFileSync(file, 'utf8');
    for (const value of Object.values(SECRETS)) expect(text).not.toContain(value);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(deps.out.lines.join('\n')).toMatch(
      /cloud-call permissions .* activity, checkin, escalations, reminders, wishes/,
    );
  });

  it('re-deploys without re-creating a trigger in place, and replaces one whose schedule changed', async () => {
    const first = setup();
    await main(['functions', '--env', 'linli-1a2b'], first.deps);
    first.cloud.functions.get('shifts')!.triggers = [{ name: 'closeOpenShifts', config: '0 0 * * * * *' }];
    first.cloud.writes = [];
    const again = setup({ cloud: first.cloud });
    expect(await main(['functions', '--env', 'linli-1a2b'], again.deps)).toBe(0);
    expect(again.cloud.writes.filter((w) => w.startsWith('deleteTrigger'))).toEqual([
      'deleteTrigger shifts.closeOpenShifts',
    ]);
    expect(again.cloud.functions.get('shifts')!.triggers).toEqual([
      { name: 'closeOpenShifts', config: '0 */30 * * * * *' },
    ]);
    expect(again.cloud.functions.get('rollups')!.triggers).toHaveLength(1);
  });

  it('deploys only --only, and reports a failed upload with how to retry', async () => {
    const { cloud, deps } = setup({ failDeploy: ['hours'] });
    expect(await main(['functions', '--env', 'linli-1a2b', '--only', 'checkin,hours'], deps)).toBe(1);
    expect([...cloud.functions.keys()]).toEqual(['checkin']);
    expect(deps.out.errors).toContain('functions: failed to deploy hours (re-run: --only hours)');
  });

  it('refuses before building when .env.cloud is missing or lacks a secret', async () => {
    const none = setup({ envFile: null });
    expect(await main(['functions', '--env', 'linli-1a2b'], none.deps)).toBe(2);
    expect(none.deps.out.errors[0]).toMatch(/\.env\.cloud is missing/);
    const lacking = setup({ envFile: ENV_FILE.replace(/LINLI_CERTIFICATE_SECRET=.*\n/, '') });
    expect(await main(['functions', '--env', 'linli-1a2b'], lacking.deps)).toBe(2);
    expect(lacking.deps.out.errors).toEqual([expect.stringMatching(/LINLI_CERTIFICATE_SECRET is missing/)]);
    expect([...none.deps.runs, ...lacking.deps.runs]).toEqual([]);
  });
});

describe('check', () => {
  it('lists what differs (exit 1), and nothing once every step has run (exit 0)', async () => {
    const { cloud, deps } = setup();
    expect(await main(['check', '--env', 'linli-1a2b'], deps)).toBe(1);
    const before = deps.out.lines.join('\n');
    expect(before).toContain('collections would create collection users');
    expect(before).toContain('storage rule is PRIVATE');
    expect(before).toContain('checkin: not deployed');

    for (const step of ['collections', 'storage-rules', 'functions']) {
      expect(await main([step, '--env', 'linli-1a2b'], setup({ cloud }).deps)).toBe(0);
    }
    cloud.writes = [];
    const checked = setup({ cloud });
    expect(await main(['check', '--env', 'linli-1a2b'], checked.deps)).toBe(0);
    expect(checked.deps.out.lines.at(-1)).toBe('check: linli-1a2b matches the repository');
    expect(cloud.writes).toEqual([]);
  });
});
