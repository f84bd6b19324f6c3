import fc from 'fast-check';
import {
  correctEntry,
  countedEntryMinutes,
  createHourEntry,
  decideApproval,
  decideRejection,
  type HourEntry,
  type HourSource,
  totals,
} from '../../../cloudfunctions/_shared/domain/hour-entries';
import type { Interval } from '../../../cloudfunctions/_shared/domain/volunteer-hours';
import type { Actor } from '../../../cloudfunctions/_shared/domain/volunteer-registration';

/**
 * A model of the volunteer function: it applies the domain's decisions the way the function will
 * (every version kept as its own document, a correction writing both versions) to random
 * sequences of creating, approving, rejecting, correcting and approving again, and checks the
 * counting invariants after every step against an oracle that counts minutes one by one.
 */

/** Plain checks rather than expect(): thousands of steps run, and the message names the rule broken. */
function holds(condition: boolean, invariant: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${invariant}`);
}

const ENTRIES = 3;
/** sw3 is on staff and volunteers too, so "not your own hours" is exercised. */
const ACTORS: Actor[] = [
  { id: 'sw1', roles: ['social_worker'] },
  { id: 'sw2', roles: ['social_worker'] },
  { id: 'sw3', roles: ['social_worker', 'volunteer'] },
  { id: 'ad1', roles: ['admin'] },
  { id: 'v1', roles: ['volunteer'] },
  { id: 'v2', roles: ['volunteer'] },
];
const VOLUNTEERS = ['v1', 'sw3'];
const base = new Date('2026-11-24T08:00:00+08:00').getTime();
const minute = (n: number) => new Date(base + n * 60_000);

/** Service time: minutes from 08:00, so overlaps between one volunteer's entries are common. */
type Time = { timed: true; offset: number; length: number } | { timed: false; length: number };
const timeArb: fc.Arbitrary<Time> = fc.oneof(
  fc.record({
    timed: fc.constant(true as const),
    offset: fc.integer({ min: 0, max: 300 }),
    length: fc.integer({ min: 1, max: 180 }),
  }),
  fc.record({ timed: fc.constant(false as const), length: fc.integer({ min: 1, max: 180 }) }),
);

type Step =
  | { kind: 'create'; entry: number; volunteer: number; source: HourSource; by: number; time: Time }
  | { kind: 'approve' | 'approveAgain' | 'reject'; entry: number; by: number }
  | { kind: 'correct'; entry: number; by: number; time: Time };

const entryArb = fc.nat({ max: ENTRIES - 1 });
const actorArb = fc.nat({ max: ACTORS.length - 1 });
/** Approvals weigh most: most attempts are refused (wrong person), and approved state is what counts. */
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      entry: entryArb,
      volunteer: fc.nat({ max: VOLUNTEERS.length - 1 }),
      source: fc.constantFrom<HourSource>('scan', 'manual', 'self_report'),
      by: actorArb,
      time: timeArb,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom('approve' as const, 'approve' as const, 'approveAgain' as const, 'reject' as const),
      entry: entryArb,
      by: actorArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('correct' as const), entry: entryArb, by: actorArb, time: timeArb }),
  },
);

const toInterval = (time: Time): Interval | undefined =>
  time.timed ? { start: minute(time.offset), end: minute(time.offset + time.length) } : undefined;

class Model {
  /** Every version ever written, by id: what the database holds. */
  readonly documents = new Map<string, HourEntry>();
  /** The latest version's id per entry, as the function would find it. */
  private readonly latestId = new Map<number, string>();
  private clock = 0;

  private tick(): Date {
    this.clock += 1;
    return minute(24 * 60 + this.clock);
  }

  private latest(entry: number): HourEntry | undefined {
    const id = this.latestId.get(entry);
    return id === undefined ? undefined : this.documents.get(id);
  }

  private write(entry: HourEntry): void {
    this.documents.set(entry.id, entry);
  }

  apply(step: Step): void {
    const at = this.tick();
    const actor = ACTORS[step.by]!;
    const current = this.latest(step.entry);
    if (step.kind === 'create') {
      if (current) return;
      // Self-reports are made by the volunteer; scans by the volunteer's own scan; manual by staff.
      const volunteerId = VOLUNTEERS[step.volunteer]!;
      const createdBy = step.source === 'manual' ? actor.id : volunteerId;
      const id = `e${step.entry}`;
      this.write(
        createHourEntry({
          id,
          volunteerId,
          source: step.source,
          minutes: step.time.length,
          interval: toInterval(step.time),
          servedAt: minute(step.time.timed ? step.time.offset : 0),
          createdBy,
          at,
        }),
      );
      this.latestId.set(step.entry, id);
      return;
    }
    if (!current) return;
    if (step.kind === 'approve' || step.kind === 'approveAgain') {
      const decision = decideApproval(current, actor, at);
      if (decision.ok && decision.changed) this.write(decision.entry);
      if (step.kind === 'approveAgain') this.approveAgain(current.id, actor);
      return;
    }
    if (step.kind !== 'correct') {
      const decision = decideRejection(current, actor, '核实不符', at);
      if (decision.ok && decision.changed) this.write(decision.entry);
      return;
    }
    const documentsBefore = this.documents.size;
    const decision = correctEntry(current, {
      minutes: step.time.length,
      interval: toInterval(step.time),
      reason: '按签到表更正',
      by: actor,
      at,
    });
    if (!decision.ok) return;
    this.write(decision.superseded);
    this.write(decision.corrected);
    this.latestId.set(step.entry, decision.corrected.id);
    const old = this.documents.get(current.id);
    holds(old?.status === 'superseded' && old.minutes === current.minutes, 'the old version stays, superseded');
    holds(this.documents.size === documentsBefore + 1, 'a correction adds a version and removes none');
  }

  /** The same approver approves again, as a retry would: nothing changes. */
  private approveAgain(id: string, actor: Actor): void {
    const entry = this.documents.get(id)!;
    if (entry.status !== 'approved') return;
    const before = totals([...this.documents.values()]);
    const again = decideApproval(entry, actor, this.tick());
    holds(!again.ok || !again.changed, 'approving an approved entry changes nothing');
    holds(JSON.stringify(totals([...this.documents.values()])) === JSON.stringify(before), 'totals unchanged');
  }

  checkInvariants(): void {
    const all = [...this.documents.values()];
    const live = all.filter((e) => e.status !== 'superseded');
    const roots = live.map((e) => e.rootId);
    holds(new Set(roots).size === roots.length, 'one live version per entry');
    holds(roots.length === this.latestId.size, 'every entry has its live version');
    for (const e of live) {
      holds(
        all.every((other) => other.rootId !== e.rootId || other.version <= e.version),
        'the live version is the latest',
      );
    }

    // The oracle: each approved live entry's minutes, one by one; timed minutes once per volunteer.
    const approved = live.filter((e) => e.status === 'approved');
    const coveredMinutes = new Set<string>();
    let untimed = 0;
    for (const e of approved) {
      if (!e.interval) untimed += e.minutes;
      else {
        const first = (e.interval.start.getTime() - base) / 60_000;
        for (let m = first; m < first + e.minutes; m += 1) coveredMinutes.add(`${e.volunteerId}@${m}`);
      }
    }
    const expected = untimed + coveredMinutes.size;
    const result = totals(all);
    holds(result.approvedMinutes === expected, 'totals = approved latest versions, each minute once');
    holds(result.hours === Math.round((expected * 100) / 60) / 100, 'hours = approved minutes, two decimals');
    // Pages of a query can overlap: a document read twice still counts once.
    const readTwice = [...all, ...all.slice(all.length >> 1)];
    holds(totals(readTwice).approvedMinutes === expected, 'a document read twice counts once');

    const counted = countedEntryMinutes(all);
    const countedRoots = [...counted.keys()].map((id) => this.documents.get(id)!.rootId);
    holds(new Set(countedRoots).size === countedRoots.length, 'no entry counted twice');
    holds(
      [...counted.keys()].every((id) => this.documents.get(id)!.status === 'approved'),
      'only approved counted',
    );

    for (const e of approved) {
      const approver = e.approvals[0]!.by;
      const typed = e.source !== 'scan' || e.correctionOf !== undefined;
      holds(approver !== e.volunteerId && !(typed && approver === e.createdBy), 'four eyes on every approval');
    }
  }
}

describe('hour entries under any sequence of decisions', () => {
  it('count approved latest versions once, keep every old version, and ignore repeated approvals', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60, size: 'max' }), (steps) => {
        const model = new Model();
        for (const step of steps) {
          model.apply(step);
          model.checkInvariants();
        }
      }),
      { seed: 20261124, numRuns: 200 },
    );
  });
});
