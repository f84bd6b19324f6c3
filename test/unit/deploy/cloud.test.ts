/**
 * The adapter to a real environment, against a stand-in for @cloudbase/manager-node: the requests
 * it makes have the shapes the Tencent Cloud API reference gives (UpdateTable's CreateIndexes,
 * ModifySafeRule / DescribeSafeRule, the storage rule), and it reads the answers' shapes back.
 */
const calls: { method: string; args: unknown[] }[] = [];
const answers: Record<string, unknown> = {};
const record =
  (method: string) =>
  async (...args: unknown[]) => {
    calls.push({ method, args });
    const answer = answers[method];
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? (answer as (...a: unknown[]) => unknown)(...args) : answer;
  };

jest.mock('@cloudbase/manager-node', () =>
  jest.fn().mockImplementation((config: unknown) => {
    calls.push({ method: 'new', args: [config] });
    return {
      database: {
        listCollections: record('listCollections'),
        describeCollection: record('describeCollection'),
        createCollection: record('createCollection'),
        updateCollection: record('updateCollection'),
      },
      storage: { getStorageAcl: record('getStorageAcl'), setStorageAcl: record('setStorageAcl') },
      functions: {
        getFunctionDetail: record('getFunctionDetail'),
        deleteFunctionTrigger: record('deleteFunctionTrigger'),
      },
      commonService: (service: string, version: string) => ({ call: record(`${service}@${version}.call`) }),
    };
  }),
);

import { managerCloud } from '../../../scripts/deploy/cloud';

const cloud = managerCloud('linli-1a2b', { secretId: 'AKID', secretKey: 'k' }, 'wx0123456789abcdef');
const created = calls.splice(0);
const last = (method: string) => calls.filter((c) => c.method === method).at(-1)!.args;

beforeEach(() => {
  calls.length = 0;
});

it('acts on the one environment with the credentials given', () => {
  expect(created).toEqual([{ method: 'new', args: [{ secretId: 'AKID', secretKey: 'k', envId: 'linli-1a2b' }] }]);
});

it('pages through the collections', async () => {
  answers.listCollections = ({ MgoOffset }: { MgoOffset: number }) => ({
    Collections: Array.from({ length: MgoOffset === 0 ? 100 : 3 }, (_, i) => ({ CollectionName: `c${MgoOffset + i}` })),
    Pager: { Offset: MgoOffset, Limit: 100, Total: 103 },
  });
  expect(await cloud.listCollections()).toHaveLength(103);
  expect(calls.map((c) => c.args[0])).toEqual([
    { MgoLimit: 100, MgoOffset: 0 },
    { MgoLimit: 100, MgoOffset: 100 },
  ]);
});

it('creates an index as UpdateTable’s CreateIndexes: name, keys in order with "1"/"-1", unique', async () => {
  await cloud.createIndex('teams', {
    name: 'station',
    keys: [
      { field: 'stationId', direction: 1 },
      { field: 'createdAt', direction: -1 },
    ],
    unique: true,
  });
  expect(last('updateCollection')).toEqual([
    'teams',
    {
      CreateIndexes: [
        {
          IndexName: 'station',
          MgoKeySchema: {
            MgoIndexKeys: [
              { Name: 'stationId', Direction: '1' },
              { Name: 'createdAt', Direction: '-1' },
            ],
            MgoIsUnique: true,
          },
        },
      ],
    },
  ]);
});

it('reads indexes back without the automatic _id_', async () => {
  answers.describeCollection = {
    Indexes: [
      { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
      { Name: 'station', Keys: [{ Name: 'stationId', Direction: '1' }], Unique: false },
    ],
  };
  expect(await cloud.describeIndexes('teams')).toEqual([
    { name: 'station', keys: [{ field: 'stationId', direction: '1' }], unique: false },
  ]);
});

it('sets a collection rule with ModifySafeRule (CUSTOM, the rule as JSON text) and reads it with DescribeSafeRule', async () => {
  await cloud.setCollectionRule('users', { read: false, write: false });
  expect(last('tcb@2018-06-08.call')).toEqual([
    {
      Action: 'ModifySafeRule',
      Param: { EnvId: 'linli-1a2b', CollectionName: 'users', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' },
    },
  ]);
  answers['tcb@2018-06-08.call'] = { AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' };
  expect(await cloud.getCollectionRule('users')).toEqual({ aclTag: 'CUSTOM', rule: { read: false, write: false } });
  expect(last('tcb@2018-06-08.call')).toEqual([
    {
      Action: 'DescribeSafeRule',
      Param: { EnvId: 'linli-1a2b', CollectionName: 'users', WxAppId: 'wx0123456789abcdef' },
    },
  ]);
  answers['tcb@2018-06-08.call'] = { AclTag: 'ADMINONLY', Rule: null };
  expect(await cloud.getCollectionRule('users')).toEqual({ aclTag: 'ADMINONLY', rule: null });
});

it('sets the storage rule as CUSTOM with read and write', async () => {
  await cloud.setStorageRule({ read: false, write: 'auth != null' });
  expect(last('setStorageAcl')).toEqual(['CUSTOM', { read: false, write: 'auth != null' }]);
  answers.getStorageAcl = { acl: 'PRIVATE' };
  expect(await cloud.getStorageRule()).toEqual({ aclTag: 'PRIVATE', rule: null });
});

it('reads a function’s timeout, variable names and triggers; a missing function is null', async () => {
  answers.getFunctionDetail = {
    Timeout: 60,
    Runtime: 'Nodejs16.13',
    Environment: { Variables: [{ Key: 'LINLI_DATA_KEY', Value: 'secret' }] },
    Triggers: [{ TriggerName: 'recomputeTouched', Type: 'timer', TriggerDesc: '{"cron":"0 30 2 * * * *"}' }],
  };
  expect(await cloud.describeFunction('rollups')).toEqual({
    timeout: 60,
    runtime: 'Nodejs16.13',
    envNames: ['LINLI_DATA_KEY'],
    triggers: [{ name: 'recomputeTouched', config: '0 30 2 * * * *' }],
  });
  answers.getFunctionDetail = Object.assign(new Error('not found'), { code: 'ResourceNotFound.Function' });
  expect(await cloud.describeFunction('rollups')).toBeNull();
  answers.getFunctionDetail = Object.assign(new Error('denied'), { code: 'AuthFailure' });
  await expect(cloud.describeFunction('rollups')).rejects.toThrow('denied');
});
