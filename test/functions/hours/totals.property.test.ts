import fc from 'fast-check';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { ADMIN, addVolunteers, MINUTE, SOCIAL, SOCIAL2 } from './support';

/**
 * After any sequence of approvals, rejections and corrections (by the three staff of the demo
 * station, so "not your own entry" refusals happen too), `hours.mine` says the volunteer has
 * exactly the approved latest versions' time, each minute once — checked against a model that
 * counts minutes one by one, and against the documents stored.
 */

let h: FunctionHarness;
beforeAll(async () => {
  h = await startFunctionHarness();
});
afterAll(async () => {
  await h.close();
});

const STAFF = [SOCIAL, SOCIAL2, ADMIN];
const ENTRIES = 3;
/** Two days ago, on a whole minute: every span lies in the past, and they overlap often. */
const BASE = Math.floor(Date.now() / MINUTE) * MINUTE - 2 * 24 * 60 * MINUTE;

type Span = { offset: number; length: number };
const spanArb: fc.Arbitrary<Span> = fc.record({
  offset: fc.integer({ min: 0, max: 240 }),
  length: fc.integer({ min: 1, max: 120 }),
});
const toInput = ({ offset, length }: Span) => ({
  startAt: new Date(BASE + offset * MINUTE).toISOString(),
  endAt: new Date(BASE + (offset + length) * MINUTE).toISOString(),
});

type Step =
  | { kind: 'approve' | 'reject'; entry: number; by: number }
  | { kind: 'correct'; entry: number; by: number; span: Span };
const entryArb = fc.nat({ max: ENTRIES - 1 });
const byArb = fc.nat({ max: STAFF.length - 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('approve' as const), entry: entryArb, by: byArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), entry: entryArb, by: byArb }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('correct' as const), entry: entryArb, by: byArb, span: spanArb }),
  },
);

/** What the model knows of an entry's latest version. */
interface ModelEntry {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  createdBy: string;
  span: Span;
}

/** Minutes covered by the approved entries, counted one by one. */
function approvedMinutes(entries: readonly ModelEntry[]): number {
  const minutes = new Set<number>();
  for (const e of entries.filter((x) => x.status === 'approved')) {
    for (let m = e.span.offset; m < e.span.offset + e.span.length; m += 1) minutes.add(m);
  }
  return minutes.size;
}
const asHours = (minutes: number): string => (Math.round((minutes * 100) / 60) / 100).toFixed(2);

let run = 0;

it('mine.totalHours is always the approved latest versions, overlaps once', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(spanArb, { minLength: ENTRIES, maxLength: ENTRIES }),
      fc.array(stepArb, { maxLength: 10 }),
      async (spans, steps) => {
        const [volunteer] = await addVolunteers(h, 1, `st-lingnan`, `p${run++}`);
        const model: ModelEntry[] = [];
        for (const s of spans) {
          const entry = await h.ok(SOCIAL, 'hours', 'add', {
            volunteerId: volunteer!,
            span: toInput(s),
            content: '入户探访',
            note: '',
          });
          model.push({ id: entry.id, status: 'pending', createdBy: SOCIAL, span: s });
        }

        for (const step of steps) {
          const target = model[step.entry]!;
          const by = STAFF[step.by]!;
          if (step.kind === 'approve') {
            const [result] = (await h.ok(by, 'hours', 'approve', { entryIds: [target.id] })).results;
            // The rules' order: nobody approves what they typed; then a second approval changes nothing.
            if (by === target.createdBy) expect(result!.code).toBe('SELF_APPROVAL');
            else if (target.status === 'approved') expect(result!.outcome).toBe('already_approved');
            else if (target.status === 'rejected') expect(result!.code).toBe('NOT_PENDING');
            else {
              expect(result!.outcome).toBe('approved');
              target.status = 'approved';
            }
          } else if (step.kind === 'reject') {
            const answer = await h.call(by, 'hours', 'reject', { entryId: target.id, reason: '核对不符' });
            if (target.status === 'approved')
              expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_PENDING' } });
            else {
              expect(answer).toMatchObject({ ok: true, data: { status: 'rejected' } });
              target.status = 'rejected';
            }
          } else if (step.kind === 'correct') {
            const next = await h.ok(by, 'hours', 'correct', {
              entryId: target.id,
              span: toInput(step.span),
              reason: '时间有误',
            });
            expect(next.minutes).toBe(step.span.length);
            Object.assign(target, { id: next.id, status: 'pending', createdBy: by, span: step.span });
          }

          const mine = await h.ok(volunteer!, 'hours', 'mine', {});
          expect(mine.totalHours).toBe(asHours(approvedMinutes(model)));
          expect(Object.fromEntries(mine.entries.map((e) => [e.id, e.status]))).toEqual(
            Object.fromEntries(model.map((e) => [e.id, e.status])),
          );
        }

        // The stored documents agree: the approved latest versions' whole minutes, each minute once.
        const docs = (await h.db.dump('hour_entries')).filter((d) => d.volunteerId === volunteer);
        const latest = new Map<string, Record<string, unknown>>();
        for (const d of docs) {
          const seen = latest.get(d.rootId as string);
          if (!seen || (d.version as number) > (seen.version as number)) latest.set(d.rootId as string, d);
        }
        const covered = new Set<number>();
        for (const d of [...latest.values()].filter((x) => x.status === 'approved')) {
          const { start, end } = d.interval as { start: Date; end: Date };
          for (let t = new Date(start).getTime(); t < new Date(end).getTime(); t += MINUTE) covered.add(t);
        }
        expect((await h.ok(volunteer!, 'hours', 'mine', {})).totalHours).toBe(asHours(covered.size));
        // Every version ever made is still there: one per creation and one per correction.
        expect(docs).toHaveLength(ENTRIES + steps.filter((s) => s.kind === 'correct').length);
      },
    ),
    { numRuns: 25 },
  );
}, 180_000);
