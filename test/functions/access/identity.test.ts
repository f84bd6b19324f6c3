import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { API, type FunctionName } from '@linli/types/api';
import type { Envelope } from '@linli/types/envelope';
import type { TimerFunctionMain } from '../../../cloudfunctions/_shared/runtime/timer';
import { loadFunction } from '../../../local/host/functions';
import { LOCAL_APPID } from '../../../local/host/invoke';
import { timerFunctionNames } from '../../../local/host/timers';
import { runAsWeChatUser } from '../../../local/host/wx-context';
import { openAccessBench, outcomeOf, type AccessBench } from './bench';
import { PERSONAS, type PersonaKey } from './personas';
import { SAMPLES } from './samples';

/**
 * No function takes its caller from the request. Every action is called as the unknown caller
 * and as 张阿姨, once plainly and once with the 站长's identity planted wherever a careless
 * function might read one: at the top of the event (`userInfo`, as WeChat itself injects it into
 * the event of a callFunction, and bare `openid`/`_openid`/`OPENID`/`userId`) and in the input.
 * The answer must be the real caller's: the same allow or refusal and, for reads, the same data.
 * A forged field in the input may instead be refused by a strict input schema (INVALID_INPUT
 * naming exactly those fields): refused whole, nothing done, which is as safe.
 */
let bench: AccessBench;
beforeAll(async () => {
  bench = await openAccessBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});
jest.setTimeout(120_000);

const FORGED = PERSONAS.admin.openid!;
const IDENTITY_KEYS = ['openid', '_openid', 'OPENID', 'userId'] as const;
const topLevel = {
  userInfo: { openId: FORGED, appId: LOCAL_APPID },
  ...Object.fromEntries(IDENTITY_KEYS.map((k) => [k, FORGED])),
};

/** The input's own top-level field names: a field the action takes (grantHelper's `openid`) names its target, not the caller. */
function declaredKeys(schema: z.ZodType): Set<string> {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    anyOf?: Array<{ properties?: Record<string, unknown> }>;
  };
  const branches = [json, ...(json.anyOf ?? [])];
  return new Set(branches.flatMap((b) => Object.keys(b.properties ?? {})));
}

/** The schema refuses this input only for carrying the planted keys (a strict object). */
function onlyForgedKeysRefused(schema: z.ZodType, input: unknown, planted: readonly string[]): boolean {
  const result = schema.safeParse(input);
  return (
    !result.success &&
    result.error.issues.every(
      (issue) => issue.code === 'unrecognized_keys' && issue.keys.every((k) => planted.includes(k)),
    )
  );
}

async function comparable(envelope: Envelope<unknown>, writes: boolean) {
  const outcome = outcomeOf(envelope);
  // A write's answer carries what it made (new ids): compare the outcome; a read's data must match
  // (a generated file by what its link downloads: each export is a new file at a new link).
  return outcome.ok ? { ok: true, ...(writes ? {} : { data: await bench.openFiles(outcome.data) }) } : outcome;
}

const FUNCTIONS = Object.keys(SAMPLES) as FunctionName[];
const CALLERS: PersonaKey[] = ['unknown', 'resident'];

test.each(FUNCTIONS)('%s: a forged identity in the request changes nothing', async (fn) => {
  const { policies } = loadFunction(fn);
  const problems: string[] = [];
  let n = 0;
  for (const action of Object.keys(SAMPLES[fn])) {
    const policy = policies[action]!;
    const schema = (API[fn] as Record<string, { input: z.ZodType }>)[action]!.input;
    const declared = declaredKeys(schema);
    const planted = IDENTITY_KEYS.filter((k) => !declared.has(k));
    for (const who of CALLERS) {
      const requestId = () => (policy.writes ? `identity${String(++n).padStart(6, '0')}` : undefined);
      const input = bench.inputOf(fn, action, who) as Record<string, unknown>;
      const real = await comparable(await bench.call(fn, action, who, { requestId: requestId() }), policy.writes);

      const atTop = await comparable(
        await bench.call(fn, action, who, { requestId: requestId(), extra: topLevel }),
        policy.writes,
      );
      if (JSON.stringify(atTop) !== JSON.stringify(real)) {
        problems.push(
          `${fn}.${action} as ${who}, identity at the top of the event: ${show(atTop)} instead of ${show(real)}`,
        );
      }

      const forgedInput = { ...input, ...Object.fromEntries(planted.map((k) => [k, FORGED])) };
      const inInput = await bench.call(fn, action, who, {
        requestId: requestId(),
        extra: topLevel,
        input: forgedInput,
      });
      const refusedWhole =
        !inInput.ok && inInput.error.code === 'INVALID_INPUT' && onlyForgedKeysRefused(schema, forgedInput, planted);
      const forged = await comparable(inInput, policy.writes);
      if (!refusedWhole && JSON.stringify(forged) !== JSON.stringify(real)) {
        problems.push(`${fn}.${action} as ${who}, identity in the input: ${show(forged)} instead of ${show(real)}`);
      }
    }
  }
  expect(problems).toEqual([]);
});

const show = (c: Awaited<ReturnType<typeof comparable>>): string =>
  c.ok ? `ok ${'data' in c ? JSON.stringify(c.data).slice(0, 120) : ''}` : (c as { code: string }).code;

test('scheduled functions answer no caller, whoever the platform says they are', async () => {
  for (const name of timerFunctionNames()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same lazy load as local/host/timers.ts
    const main = require(`../../../cloudfunctions/${name}/src/index`).main as TimerFunctionMain;
    for (const trigger of main.triggers) {
      for (const who of ['resident', 'admin', 'unknown'] as const) {
        const answer = await runAsWeChatUser({ OPENID: PERSONAS[who].openid!, APPID: LOCAL_APPID }, () =>
          main({ Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString() }),
        );
        expect({ name, trigger, who, answer }).toMatchObject({ answer: { ok: false, error: { code: 'FORBIDDEN' } } });
      }
    }
  }
});

/** Source files of the functions, comments removed (they may well talk about identity). */
function functionSources(): Array<{ file: string; code: string }> {
  const root = path.join(__dirname, '../../../cloudfunctions');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (name === 'node_modules') return [];
      if (statSync(full).isDirectory()) return walk(full);
      return full.endsWith('.ts') ? [full] : [];
    });
  return walk(root).map((file) => ({
    file: path.relative(root, file),
    code: readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
  }));
}

test('only the runtime asks the platform who calls; no function code looks for an identity anywhere else', () => {
  const sources = functionSources();
  expect(sources.length).toBeGreaterThan(50);
  const offenders = sources.flatMap(({ file, code }) => {
    const found: string[] = [];
    if (file !== path.join('_shared', 'runtime', 'cloud.ts') && /getWXContext|\bOPENID\b|WX_OPENID/.test(code)) {
      found.push(`${file}: reads the platform identity outside runtime/cloud.ts`);
    }
    if (/\buserInfo\b/.test(code)) found.push(`${file}: reads event.userInfo`);
    if (/\b(input|event|request)\s*\.\s*(_openid|OPENID|openId|userId)\b/.test(code)) {
      found.push(`${file}: reads an identity field from the request`);
    }
    return found;
  });
  expect(offenders).toEqual([]);
});
