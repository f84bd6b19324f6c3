import type { FunctionName } from '@linli/types/api';
import { strToU8, zipSync } from 'fflate';
import { isStaff } from '../../../cloudfunctions/_shared/domain/roles';
import type { Policy } from '../../../cloudfunctions/_shared/runtime/dispatcher';
import { DEMO_PERSONAS, DEMO_STATION_ID } from '../../../local/demo/seed';
import { loadFunction } from '../../../local/host/functions';
import { changedCollections, openAccessBench, outcomeOf, type AccessBench, type Outcome } from './bench';
import { expectedFor, type Expected } from './expected';
import { findPersonalNumbers } from './personal-data';
import { PERSONA_KEYS, PERSONAS, type PersonaKey } from './personas';
import type { Sample } from './sample';
import { SAMPLES } from './samples';

/**
 * The access-control matrix (docs/access.md): every action × every kind of caller, each cell
 * from the same data, its answer computed from the action's declared policy and its sample.
 * While it runs, every successful answer is also checked for
 * - unmasked phone and ID numbers the action does not declare it reveals to that caller;
 * - anything of the demo station in an answer to another station's social worker;
 * - writes by an action declared read-only, and by any refused call.
 * A failure prints the function's whole table, the wrong cells marked.
 */
let bench: AccessBench;
beforeAll(async () => {
  bench = await openAccessBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});
jest.setTimeout(120_000);

/** Collections a call may change without writing: the audit log of staff reads (feedback.get). */
const READ_LOGS = new Set(['audit_log']);
/** An export stores its file and a record of it for the nightly clean-up (docs/files.md): still a read. */
const EXPORT_RECORDS = new Set(['generated_files']);
/** A refused write with a requestId stores the refusal, so a retry hears it again. */
const REFUSAL_RECORDS = new Set(['requests']);

/** Numbers each persona may see in full anywhere: their own, as stored at the start. */
async function ownNumbers(): Promise<Map<string, Set<string>>> {
  const [users, volunteers] = await Promise.all([bench.h.db.dump('users'), bench.h.db.dump('volunteers')]);
  const own = new Map<string, Set<string>>();
  const add = (openid: unknown, phone: unknown) => {
    if (typeof openid !== 'string' || typeof phone !== 'string') return;
    if (!own.has(openid)) own.set(openid, new Set());
    own.get(openid)!.add(phone);
  };
  for (const u of users) add(u._id, u.phone);
  for (const v of volunteers) {
    add(v._id, v.phone);
    add(v._id, (v.emergencyContact as { phone?: unknown } | undefined)?.phone);
  }
  return own;
}

/** What an answer to another station's social worker must never contain. */
function demoStationMarks(): string[] {
  const fixtureIds = Object.values(bench.fx).filter((v): v is string => typeof v === 'string' && v.length >= 8);
  return [
    DEMO_STATION_ID,
    ...DEMO_PERSONAS.filter((p) => p.stationId === DEMO_STATION_ID).map((p) => p.openid),
    ...['DemoAct', 'DemoWish', 'DemoTeam', 'ct_DemoLingnan', 'sfDemoForm', 'mc_DemoBrochure', 'fbDemo'],
    ...fixtureIds.filter((id) => /^[A-Za-z0-9_]+$/.test(id) && !id.startsWith('oDemo')),
  ];
}

interface Cell {
  who: PersonaKey;
  expected: Expected;
  actual: Outcome;
  problems: string[];
}

const show = (o: Outcome | Expected): string => {
  if ('allow' in o) return o.allow ? 'ok' : o.codes.join('|');
  return o.ok ? 'ok' : o.code;
};

function table(fn: string, rows: Array<{ action: string; policy: Policy; cells: Cell[] }>): string {
  const header = ['action', 'access/scope', ...PERSONA_KEYS];
  const body = rows.map(({ action, policy, cells }) => [
    `${fn}.${action}`,
    `${Array.isArray(policy.access) ? policy.access.join('+') : policy.access}/${policy.scope}`,
    ...cells.map((c) => {
      if (c.problems.length === 0) return show(c.actual);
      const outcomeWrong =
        c.expected.allow !== c.actual.ok ||
        show(c.expected)
          .split('|')
          .every((x) => x !== show(c.actual));
      return outcomeWrong ? `✗ ${show(c.actual)} (want ${show(c.expected)})` : `✗ ${show(c.actual)}`;
    }),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => v.padEnd(widths[i]!)).join(' │ ');
  const details = rows.flatMap(({ action, cells }) =>
    cells.flatMap((c) => c.problems.map((p) => `  ${fn}.${action} as ${PERSONAS[c.who].label}: ${p}`)),
  );
  return [line(header), ...body.map(line), '', ...details].join('\n');
}

let own: Map<string, Set<string>>;
let marks: string[];
beforeAll(async () => {
  own = await ownNumbers();
  marks = demoStationMarks();
});

const FUNCTIONS = Object.keys(SAMPLES) as FunctionName[];

test.each(FUNCTIONS)('%s: every action answers every caller as its declared policy says', async (fn) => {
  const { policies } = loadFunction(fn);
  const rows: Array<{ action: string; policy: Policy; cells: Cell[] }> = [];
  let requests = 0;
  for (const [action, sample] of Object.entries(SAMPLES[fn]) as Array<[string, Sample<FunctionName, never>]>) {
    const policy = policies[action];
    if (!policy) throw new Error(`${fn}.${action} has a sample but no handler`);
    const cells: Cell[] = [];
    for (const who of PERSONA_KEYS) {
      const expected = expectedFor(policy, sample, who);
      const requestId = policy.writes ? `matrix${String(++requests).padStart(6, '0')}` : undefined;
      const envelope = await bench.call(fn, action, who, { requestId });
      const actual = outcomeOf(envelope);
      const after = bench.h.db.snapshot();
      const problems: string[] = [];

      if (expected.allow !== actual.ok) {
        problems.push(
          actual.ok
            ? `allowed, but the policy says ${show(expected)} (${expected.allow ? '' : expected.why})`
            : `refused with ${actual.code}: ${envelope.ok ? '' : envelope.error.message}`,
        );
      } else if (!expected.allow && !actual.ok && !expected.codes.includes(actual.code)) {
        problems.push(`refused with ${actual.code}, want ${expected.codes.join(' or ')} (${expected.why})`);
      }

      const changed = changedCollections(bench.baseline, after);
      if (!actual.ok) {
        const wrote = changed.filter((c) => !REFUSAL_RECORDS.has(c) && !READ_LOGS.has(c));
        if (wrote.length > 0) problems.push(`refused, but changed ${wrote.join(', ')}`);
      } else {
        if (!policy.writes) {
          const wrote = changed.filter((c) => !READ_LOGS.has(c) && !EXPORT_RECORDS.has(c));
          if (wrote.length > 0) problems.push(`declared read-only, but changed ${wrote.join(', ')}`);
        }
        const persona = PERSONAS[who];
        const sent = new Set(findPersonalNumbers(bench.inputOf(fn, action, who)).map((f) => f.value));
        const mine = own.get(persona.openid ?? '') ?? new Set<string>();
        // Inside generated files too: the scan opens the file each link downloads.
        for (const found of findPersonalNumbers(await bench.openFiles(actual.data))) {
          if (mine.has(found.value) || sent.has(found.value)) continue;
          if (policy.reveals.includes(found.field) && isStaff(persona.roles)) continue;
          problems.push(`unmasked ${found.field} ${found.value} at ${found.path}`);
        }
        if (who === 'otherStation' && policy.scope !== 'none') {
          const text = JSON.stringify(actual.data);
          const leaked = marks.filter((m) => text.includes(m));
          if (leaked.length > 0) problems.push(`another station's caller sees ${leaked.join(', ')}`);
        }
      }
      cells.push({ who, expected, actual, problems });
    }
    rows.push({ action, policy, cells });
  }
  const wrong = rows.some((r) => r.cells.some((c) => c.problems.length > 0));
  if (process.env.ACCESS_TABLE || wrong) console.log(table(fn, rows));
  expect(wrong ? table(fn, rows) : 'every cell as declared').toBe('every cell as declared');
});

test('the personal-number scan looks inside exported spreadsheets', () => {
  const xlsx = zipSync({
    'xl/sharedStrings.xml': strToU8('<sst><si><t>张阿姨</t></si><si><t>13900000011</t></si></sst>'),
    'xl/media/image1.png': new Uint8Array(300).fill(0x31),
  });
  const base64 = Buffer.from(xlsx).toString('base64');
  expect(findPersonalNumbers({ file: { base64 } })).toEqual([
    { field: 'phone', value: '13900000011', path: 'file.base64!xl/sharedStrings.xml' },
  ]);
});

test('the personal-number scan finds a planted number and passes over masks and images', () => {
  const png = Buffer.alloc(300, 0x31).toString('base64') + '13900000011';
  expect(
    findPersonalNumbers({ a: '电话13900000011', b: '139****0011', tail: '0011', img: png, id: '44010619800101123X' }),
  ).toEqual([
    { field: 'phone', value: '13900000011', path: 'a' },
    { field: 'id_number', value: '44010619800101123X', path: 'id' },
  ]);
});
