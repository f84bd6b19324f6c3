import { complaintsRepository } from '../../../cloudfunctions/_shared/repositories/complaints';
import { DEMO_PERSONAS, DEMO_STATION_ID } from '../../../local/demo/seed';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';

/**
 * No personal data in logs (docs/privacy.md "Logs"): the calls that carry the most of it — a
 * sign-in, a volunteer registration, a complaint, a wish — with call logging on and with an
 * unexpected error whose message quotes personal data (as a database error quotes a duplicate
 * key), and nothing of any persona reaches the console.
 */
const SOCIAL = 'oDemoSocial0001';
const ZHANG = 'oDemoResident01';
const NEWCOMER = 'oLogsNewcomer01';

let h: FunctionHarness;
const lines: string[] = [];
const spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  h = await startFunctionHarness();
  process.env.LINLI_LOG_CALLS = '1';
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    spies.push(
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
      }),
    );
  }
});
afterAll(async () => {
  delete process.env.LINLI_LOG_CALLS;
  spies.forEach((spy) => spy.mockRestore());
  await h.close();
});

it('logs calls and failures without names, phone numbers, OPENIDs or what people wrote', async () => {
  // Sign-in at the activity running now.
  const { token } = await h.ok(SOCIAL, 'checkin', 'code', { activityId: 'DemoAct001', mode: 'in' });
  await h.ok(ZHANG, 'checkin', 'scan', { token });

  // A newcomer's profile and volunteer registration.
  await h.ok(NEWCOMER, 'account', 'saveProfile', {
    name: '钱多多',
    stationId: DEMO_STATION_ID,
    communityId: 'comm1',
    phone: '13655556666',
    consent: true,
  });
  await h.ok(NEWCOMER, 'volunteer', 'register', {
    realName: '钱多多',
    phone: '13655556666',
    communityId: 'comm1',
    skills: ['理发'],
    availability: '周末',
    emergencyContact: { name: '钱大大', phone: '13677778888' },
    consent: true,
  });

  // A complaint and a wish, with personal details in their words.
  await h.ok(ZHANG, 'feedback', 'submit', {
    category: 'complaint',
    text: '张阿姨反映：电话13900000011打不通社工',
    anonymous: false,
  });
  await h.ok(ZHANG, 'wishes', 'submit', {
    what: '一个助行器',
    why: '腿脚不便，住光复路12号',
    estimatedValue: 180,
    category: 'health',
  });

  // An unexpected failure quoting personal data, as a database error quotes a key.
  const forced = jest
    .spyOn(complaintsRepository, 'insert')
    .mockRejectedValue(
      new Error(
        `E11000 duplicate key error dup key: { _id: "c.${ZHANG}", senderName: "张阿姨", phone: "13900000011" }`,
      ),
    );
  const failed = await h.call(ZHANG, 'feedback', 'submit', {
    category: 'opinion',
    text: '钱多多说好',
    anonymous: false,
  });
  forced.mockRestore();
  expect(failed.ok ? null : failed.error.code).toBe('INTERNAL');

  const output = lines.join('\n');
  // The log is there (so the check below means something) …
  expect(output).toContain('[checkin.scan]');
  expect(output).toContain('[volunteer.register]');
  expect(output).toMatch(/\[feedback\.submit\] Error: E11000 duplicate key error/);
  // … and nobody is in it.
  const secrets = [
    ...DEMO_PERSONAS.flatMap((p) => [p.openid, p.name, ...(p.phone ? [p.phone] : [])]),
    NEWCOMER,
    '钱多多',
    '13655556666',
    '钱大大',
    '13677778888',
    '光复路',
    '腿脚不便',
  ];
  expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
});
