/**
 * The decisions the steps act on, from the repository's declaration and what an environment holds:
 * collections, indexes and rules; functions' variables and triggers; credentials; arguments.
 */
import { parseDeployArgs, UsageError } from '../../../scripts/deploy/args';
import { cronOf } from '../../../scripts/deploy/cloud';
import { planCollection, ruleInPlace } from '../../../scripts/deploy/collections-plan';
import { credentialsFromLogin } from '../../../scripts/deploy/credentials';
import { deployedNames, functionDifferences, triggerDecisions } from '../../../scripts/deploy/functions-plan';
import type { CollectionSpec, FunctionSpec } from '../../../scripts/deploy/repo';

const closed = { read: false, write: false };
const spec: CollectionSpec = {
  name: 'teams',
  indexes: [
    {
      name: 'station',
      keys: [
        { field: 'stationId', direction: 1 },
        { field: 'name', direction: 1 },
      ],
      unique: true,
    },
    { name: 'updated', keys: [{ field: 'updatedAt', direction: -1 }], unique: false },
  ],
  rule: closed,
};
const remoteIndex = (name: string, keys: [string, string][], unique = false) => ({
  name,
  keys: keys.map(([field, direction]) => ({ field, direction })),
  unique,
});

describe('a collection', () => {
  it('missing: created, with every index and its rule', () => {
    expect(planCollection(spec, null).actions.map((a) => a.kind)).toEqual([
      'create-collection',
      'create-index',
      'create-index',
      'set-rule',
    ]);
  });

  it('as declared: nothing to do (a second run changes nothing)', () => {
    const remote = {
      indexes: [
        remoteIndex(
          'station',
          [
            ['stationId', '1'],
            ['name', '1'],
          ],
          true,
        ),
        remoteIndex('updated', [['updatedAt', '-1']]),
      ],
      rule: { aclTag: 'CUSTOM', rule: { write: false, read: false } },
    };
    expect(planCollection(spec, remote)).toEqual({ actions: [], notes: [] });
  });

  it('lacking an index and with another rule: adds the index, sets the rule', () => {
    const { actions, notes } = planCollection(spec, {
      indexes: [
        remoteIndex(
          'station',
          [
            ['stationId', '1'],
            ['name', '1'],
          ],
          true,
        ),
      ],
      rule: { aclTag: 'READONLY', rule: null },
    });
    expect(notes).toEqual([]);
    expect(actions).toEqual([
      { kind: 'create-index', collection: 'teams', index: spec.indexes[1] },
      { kind: 'set-rule', collection: 'teams', rule: closed, was: 'READONLY' },
    ]);
  });

  it('with an index that differs or is not declared: reported, never dropped or rebuilt', () => {
    const { actions, notes } = planCollection(spec, {
      indexes: [
        remoteIndex(
          'station',
          [
            ['stationId', '1'],
            ['name', '1'],
          ],
          false,
        ),
        remoteIndex('updated', [['updatedAt', '-1']]),
        remoteIndex('by_hand', [['name', '1']]),
      ],
      rule: { aclTag: 'ADMINONLY', rule: null },
    });
    expect(actions).toEqual([]);
    expect(notes).toEqual([
      {
        kind: 'index-differs',
        collection: 'teams',
        index: 'station',
        want: '{ stationId: 1, name: 1 } unique',
        have: '{ stationId: 1, name: 1 }',
      },
      { kind: 'extra-index', collection: 'teams', index: 'by_hand', have: '{ name: 1 }' },
    ]);
  });

  it('counts ADMINONLY as closed, and nothing else but the same custom rule as ours', () => {
    expect(ruleInPlace(closed, { aclTag: 'ADMINONLY', rule: null })).toBe(true);
    expect(ruleInPlace({ read: 'auth != null', write: false }, { aclTag: 'ADMINONLY', rule: null })).toBe(false);
    expect(ruleInPlace(closed, { aclTag: 'PRIVATE', rule: null })).toBe(false);
    expect(ruleInPlace(closed, { aclTag: 'CUSTOM', rule: { read: true, write: false } })).toBe(false);
  });
});

const timerFn: FunctionSpec = {
  name: 'rollups',
  timeout: 60,
  triggers: [{ name: 'recomputeTouched', type: 'timer', config: '0 30 2 * * * *' }],
  openapi: [],
  dependencies: { 'wx-server-sdk': '4.0.2' },
};
const remoteFn = (
  over: Partial<{ timeout: number; envNames: string[]; triggers: { name: string; config: string }[] }>,
) => ({
  timeout: 60,
  runtime: 'Nodejs16.13',
  envNames: [],
  triggers: [{ name: 'recomputeTouched', config: '0 30 2 * * * *' }],
  ...over,
});

describe('a function', () => {
  it('deploys the required variables it reads, and optional ones and templates only when set', () => {
    const variables = {
      names: ['LINLI_DATA_KEY', 'LINLI_LOG_CALLS', 'LINLI_TEMPLATE_WISH_CLAIMED', 'LINLI_TEMPLATE_WISH_FULFILLED'],
      undeclared: [],
    };
    expect(
      deployedNames(
        variables,
        new Map([
          ['LINLI_TEMPLATE_WISH_CLAIMED', 't1'],
          ['LINLI_LOG_CALLS', ''],
        ]),
      ),
    ).toEqual(['LINLI_DATA_KEY', 'LINLI_TEMPLATE_WISH_CLAIMED']);
  });

  it('creates a missing trigger, keeps one in place, replaces one with another schedule', () => {
    expect(triggerDecisions(timerFn, null).map((d) => d.kind)).toEqual(['create']);
    expect(triggerDecisions(timerFn, remoteFn({})).map((d) => d.kind)).toEqual(['in-place']);
    expect(
      triggerDecisions(timerFn, remoteFn({ triggers: [{ name: 'recomputeTouched', config: '0 0 3 * * * *' }] })),
    ).toEqual([{ kind: 'replace', trigger: timerFn.triggers[0], was: '0 0 3 * * * *' }]);
  });

  it('differs from the environment in timeout, variables and triggers — or not at all', () => {
    expect(functionDifferences(timerFn, remoteFn({}), [])).toEqual([]);
    expect(functionDifferences(timerFn, null, [])).toEqual(['rollups: not deployed']);
    expect(
      functionDifferences(
        timerFn,
        remoteFn({ timeout: 3, envNames: ['OLD'], triggers: [{ name: 'byHand', config: '0 0 * * * * *' }] }),
        ['LINLI_DATA_KEY'],
      ),
    ).toEqual([
      'rollups: timeout 3 s, repository 60 s',
      'rollups: environment variables missing: LINLI_DATA_KEY',
      'rollups: environment variables not in this deployment (replaced on the next): OLD',
      'rollups: trigger recomputeTouched missing',
      'rollups: trigger byHand ("0 0 * * * * *") is not in config.json',
    ]);
  });

  it('reads a timer’s schedule in either form SCF answers', () => {
    expect(cronOf('{"cron":"0 */10 * * * * *"}')).toBe('0 */10 * * * * *');
    expect(cronOf('0 */10 * * * * *')).toBe('0 */10 * * * * *');
  });
});

describe('credentials from `tcb login`', () => {
  const now = 1_800_000_000_000;

  it('takes a saved API key, and a web session with time left', () => {
    expect(credentialsFromLogin(JSON.stringify({ credential: { secretId: 'AKID1', secretKey: 'k' } }), now)).toEqual({
      secretId: 'AKID1',
      secretKey: 'k',
    });
    const web = { tmpSecretId: 'AKID2', tmpSecretKey: 'k2', tmpToken: 't', tmpExpired: now + 3_600_000 };
    expect(credentialsFromLogin(JSON.stringify({ credential: web }), now)).toEqual({
      secretId: 'AKID2',
      secretKey: 'k2',
      token: 't',
    });
  });

  it('refuses an expired session, an empty store and a broken file', () => {
    const web = { tmpSecretId: 'AKID2', tmpSecretKey: 'k2', tmpToken: 't', tmpExpired: now + 30_000 };
    expect(credentialsFromLogin(JSON.stringify({ credential: web }), now)).toBeNull();
    expect(credentialsFromLogin(JSON.stringify({ credential: {} }), now)).toBeNull();
    expect(credentialsFromLogin('{', now)).toBeNull();
  });
});

describe('arguments', () => {
  it('reads a step, its environment and flags', () => {
    expect(parseDeployArgs(['functions', '--env', 'linli-1a2b', '--only', 'checkin,hours'])).toEqual({
      step: 'functions',
      envId: 'linli-1a2b',
      dryRun: false,
      only: ['checkin', 'hours'],
    });
    expect(parseDeployArgs(['check', '--dry-run'])).toEqual({ step: 'check', envId: null, dryRun: true, only: null });
    expect(parseDeployArgs([])).toEqual({ step: 'help' });
  });

  it('refuses what it cannot act on', () => {
    const refusal = (argv: string[]) => {
      try {
        parseDeployArgs(argv);
      } catch (error) {
        return error instanceof UsageError ? error.message : 'not a usage error';
      }
      return 'accepted';
    };
    expect(refusal(['deploy-all'])).toMatch(/^no step "deploy-all"/);
    expect(refusal(['collections'])).toBe('collections needs --env <envId> (or --dry-run)');
    expect(refusal(['collections', '--env'])).toBe('--env needs a value');
    expect(refusal(['collections', '--env', 'a b'])).toMatch(/is not an environment id/);
    expect(refusal(['collections', '--dry-run', '--only', 'x'])).toBe('unknown option --only');
    expect(refusal(['functions', '--dry-run', '--only', 'Bad!'])).toMatch(/^--only takes function names/);
  });
});
