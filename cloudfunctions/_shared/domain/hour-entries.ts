import { isStaff } from './roles';
import { countedMinutes, roundHours, unionMinutes, type Interval, type TimedEntry } from './volunteer-hours';
import type { Actor, RegistrationStatus, Team } from './volunteer-registration';

/**
 * Hour entries: one volunteer's record of one piece of service, from the sign-in scans, typed by
 * a social worker (home visits, phone visits: service outside the app), or reported by the
 * volunteer. An entry counts once staff approve it. A correction never edits a record in place:
 * it makes a new version to be approved again, and the old one stays, marked superseded, with
 * the whole trail in `history` — the national rule asks records to be true and complete, and a
 * number that silently changed is neither.
 *
 * What must change together: the volunteer function writes an approval or rejection with a
 * conditional update (`id`, `version` and `status = 'pending'` unchanged) and a correction as one
 * transaction (old version superseded, new version inserted under `versionId`), so a concurrent
 * correction or approval loses and decides again; indicator and certificate code count hours
 * only through `countedEntryMinutes`/`totals`, never by adding `minutes` themselves.
 */

export type HourSource = 'scan' | 'manual' | 'self_report';
export type HourEntryStatus = 'pending' | 'approved' | 'rejected' | 'superseded';

/** A day: the longest one entry may be. A longer service is several entries, one per day. */
export const MAX_ENTRY_MINUTES = 24 * 60;

/** The audit trail, carried forward from version to version so the latest shows the whole story. */
export type HourEntryEvent =
  | { action: 'created'; version: number; by: string; at: Date; minutes: number }
  | { action: 'approved'; version: number; by: string; at: Date }
  | { action: 'rejected'; version: number; by: string; at: Date; reason: string }
  | {
      action: 'corrected';
      /** The new version's number. */
      version: number;
      by: string;
      at: Date;
      reason: string;
      fromMinutes: number;
      toMinutes: number;
    }
  | { action: 'superseded'; version: number; by: string; at: Date; supersededBy: string };

export interface HourEntry {
  /** This version's id (versionId). */
  id: string;
  /** Version 1's id, shared by every version of the entry. */
  rootId: string;
  version: number;
  /** The id of the version this one corrects; absent on version 1. */
  correctionOf?: string;
  volunteerId: string;
  source: HourSource;
  minutes: number;
  /**
   * The whole minutes served, where the times are known (always for scans): overlapping entries
   * of one volunteer are counted once, by these. An entry without times counts as its minutes.
   */
  interval?: Interval;
  /** When the service took place: the period it counts in. */
  servedAt: Date;
  status: HourEntryStatus;
  /** Who made this version: the volunteer who scanned or reported, the social worker who typed it. */
  createdBy: string;
  approvals: { by: string; at: Date }[];
  history: HourEntryEvent[];
}

/** Why an approval is refused. Closed: clients switch on these. */
export type HourApprovalProblem = 'NOT_PENDING' | 'SELF_APPROVAL' | 'NOT_STAFF';
/** Why a rejection is refused. */
export type HourRejectionProblem = 'NOT_PENDING' | 'REASON_REQUIRED' | 'NOT_STAFF';
/** Why a correction is refused. */
export type HourCorrectionProblem = 'NOT_CORRECTABLE' | 'REASON_REQUIRED' | 'NOT_STAFF';

export type HourReview<Problem> =
  | { ok: true; changed: true; entry: HourEntry }
  | { ok: true; changed: false }
  | { ok: false; problem: Problem };

export type HourCorrection =
  | { ok: true; superseded: HourEntry; corrected: HourEntry }
  | { ok: false; problem: HourCorrectionProblem };

export interface NewHourEntry {
  id: string;
  volunteerId: string;
  source: HourSource;
  minutes: number;
  interval?: Interval;
  servedAt: Date;
  createdBy: string;
  at: Date;
}

export interface CorrectionInput {
  minutes: number;
  /** The corrected times. Without them the new version has none and counts as its minutes. */
  interval?: Interval;
  /** Defaults to the corrected times' start, else the old version's. */
  servedAt?: Date;
  reason: string;
  by: Actor;
  at: Date;
}

/** Version n's id: derived, so a retried correction cannot insert the same version twice. */
export function versionId(rootId: string, version: number): string {
  return version === 1 ? rootId : `${rootId}_v${version}`;
}

/** A new entry, pending, version 1. */
export function createHourEntry(input: NewHourEntry): HourEntry {
  assertEntryMinutes(input.minutes, input.interval);
  const { at, ...fields } = input;
  return {
    ...fields,
    rootId: input.id,
    version: 1,
    status: 'pending',
    approvals: [],
    history: [{ action: 'created', version: 1, by: input.createdBy, at, minutes: input.minutes }],
  };
}

/**
 * Decides an approval. Every source needs one approval by staff (a social worker or the station
 * admin); what differs is who may not give it. In this order:
 * 1. NOT_STAFF;
 * 2. SELF_APPROVAL: nobody approves their own hours; and where a person typed the number — a
 *    manual entry, a self-report, any corrected version — that person may not approve it either.
 *    A manual entry thus needs a second social worker or the admin. A scan's first version
 *    is the clock's word, not its creator's, so the one rule for it is "not your own hours";
 * 3. already approved → `changed: false`: a second tap or a retry changes nothing;
 * 4. rejected or superseded → NOT_PENDING (a rejected entry comes back by a correction).
 */
export function decideApproval(entry: HourEntry, approver: Actor, now: Date): HourReview<HourApprovalProblem> {
  if (!isStaff(approver.roles)) return { ok: false, problem: 'NOT_STAFF' };
  const typedByAPerson = entry.source !== 'scan' || entry.correctionOf !== undefined;
  if (approver.id === entry.volunteerId || (typedByAPerson && approver.id === entry.createdBy)) {
    return { ok: false, problem: 'SELF_APPROVAL' };
  }
  const event = { action: 'approved', version: entry.version, by: approver.id, at: now } as const;
  return settle(entry, 'approved', event, { approvals: [...entry.approvals, { by: approver.id, at: now }] });
}

/**
 * Decides a rejection: staff only, with a reason the volunteer can read (REASON_REQUIRED), of a
 * pending entry (NOT_PENDING; an approved one is put right by a correction, which leaves a trail).
 * Rejecting again changes nothing. Unlike approval, the creator may reject their own entry:
 * withdrawing hours needs no second pair of eyes.
 */
export function decideRejection(
  entry: HourEntry,
  approver: Actor,
  reason: string,
  now: Date,
): HourReview<HourRejectionProblem> {
  if (!isStaff(approver.roles)) return { ok: false, problem: 'NOT_STAFF' };
  const givenReason = reason.trim();
  if (givenReason === '') return { ok: false, problem: 'REASON_REQUIRED' };
  const event = { action: 'rejected', version: entry.version, by: approver.id, at: now, reason: givenReason } as const;
  return settle(entry, 'rejected', event);
}

/**
 * The end both reviews share: the same outcome again changes nothing (a second tap, a retry);
 * otherwise only a pending entry moves, and the move is recorded in its history.
 */
function settle(
  entry: HourEntry,
  outcome: 'approved' | 'rejected',
  event: HourEntryEvent,
  changes: Pick<Partial<HourEntry>, 'approvals'> = {},
): HourReview<'NOT_PENDING'> {
  if (entry.status === outcome) return { ok: true, changed: false };
  if (entry.status !== 'pending') return { ok: false, problem: 'NOT_PENDING' };
  return {
    ok: true,
    changed: true,
    entry: { ...entry, ...changes, status: outcome, history: [...entry.history, event] },
  };
}

/**
 * Corrects an entry: a new version (version + 1, pending, `correctionOf` the old id, made by the
 * corrector) and the old version marked superseded — kept, not deleted. Staff correct any entry;
 * a volunteer corrects their own self-report while it is pending or rejected (fixing what they
 * typed), not once approved (NOT_STAFF otherwise). A reason is required (REASON_REQUIRED); a
 * superseded version cannot be corrected again, only the latest (NOT_CORRECTABLE).
 *
 * Correcting an approved entry takes its minutes out of the totals until the new version is
 * approved: the approved number is no longer the one on record.
 */
export function correctEntry(entry: HourEntry, correction: CorrectionInput): HourCorrection {
  const { by, at } = correction;
  const ownSelfReport = entry.source === 'self_report' && by.id === entry.volunteerId && entry.status !== 'approved';
  if (!isStaff(by.roles) && !ownSelfReport) return { ok: false, problem: 'NOT_STAFF' };
  const reason = correction.reason.trim();
  if (reason === '') return { ok: false, problem: 'REASON_REQUIRED' };
  if (entry.status === 'superseded') return { ok: false, problem: 'NOT_CORRECTABLE' };
  assertEntryMinutes(correction.minutes, correction.interval);

  const version = entry.version + 1;
  const id = versionId(entry.rootId, version);
  const { interval: _oldInterval, ...kept } = entry;
  const corrected: HourEntry = {
    ...kept,
    ...(correction.interval ? { interval: correction.interval } : {}),
    id,
    version,
    correctionOf: entry.id,
    minutes: correction.minutes,
    servedAt: correction.servedAt ?? correction.interval?.start ?? entry.servedAt,
    status: 'pending',
    createdBy: by.id,
    approvals: [],
    history: [
      ...entry.history,
      {
        action: 'corrected',
        version,
        by: by.id,
        at,
        reason,
        fromMinutes: entry.minutes,
        toMinutes: correction.minutes,
      },
    ],
  };
  const superseded: HourEntry = {
    ...entry,
    status: 'superseded',
    history: [...entry.history, { action: 'superseded', version: entry.version, by: by.id, at, supersededBy: id }],
  };
  return { ok: true, superseded, corrected };
}

/**
 * The latest version of each entry (highest version per rootId). A document read twice (pages of
 * a query that overlap) appears once. Superseded versions are never latest when the writes are
 * whole; the status check in the callers covers a half-written correction too.
 */
export function latestVersions(entries: readonly HourEntry[]): HourEntry[] {
  const latest = new Map<string, HourEntry>();
  for (const entry of entries) {
    const seen = latest.get(entry.rootId);
    if (!seen || entry.version > seen.version) latest.set(entry.rootId, entry);
  }
  return [...latest.values()];
}

/**
 * The minutes each approved entry counts, by entry id: latest versions only, and where one
 * volunteer's timed entries overlap, each minute once — kept by the entry approved first
 * (volunteer-hours.ts, countedMinutes). Entries without times count as their minutes. An entry
 * whose minutes all lie under earlier ones counts 0.
 */
export function countedEntryMinutes(entries: readonly HourEntry[]): Map<string, number> {
  return countWithOverlaps(latestVersions(entries).filter((e) => e.status === 'approved'));
}

export interface HourTotals {
  approvedMinutes: number;
  /** What approving every pending entry would add: overlaps with approved time left out. */
  pendingMinutes: number;
  /** `approvedMinutes` as hours, two decimals. */
  hours: number;
}

/** Totals over latest versions: approved time counted once, and what is still awaiting approval. */
export function totals(entries: readonly HourEntry[]): HourTotals {
  const latest = latestVersions(entries);
  const approved = latest.filter((e) => e.status === 'approved');
  const awaiting = latest.filter((e) => e.status === 'pending');
  const approvedMinutes = sumValues(countWithOverlaps(approved));
  const withPending = sumValues(countWithOverlaps([...approved, ...awaiting]));
  return { approvedMinutes, pendingMinutes: withPending - approvedMinutes, hours: roundHours(approvedMinutes) };
}

/** A half-open period [from, to): a month's report runs from the 1st 00:00 to the next 1st 00:00. */
export interface Period {
  from: Date;
  to: Date;
}

/** A volunteer as the indicators see them. */
export interface VolunteerRecord {
  id: string;
  registrationStatus: RegistrationStatus;
  /** When the registration was approved. */
  approvedAt?: Date;
  /** Marked 骨干 by staff. */
  isCore: boolean;
}

/**
 * 登记人数(新增): volunteers whose registration was approved in the period. A pending or rejected
 * application is not a registration; a re-application approved later counts in that later period.
 */
export function newRegistrationsInPeriod(volunteers: readonly VolunteerRecord[], from: Date, to: Date): number {
  return volunteers.filter(
    (v) => v.registrationStatus === 'approved' && v.approvedAt !== undefined && within(v.approvedAt, { from, to }),
  ).length;
}

/**
 * 志愿服务人次: approved entries (latest versions) served in the period, one per entry. An entry
 * whose time lies wholly under another of the same volunteer's (signed in at two activities at
 * once) is not a second participation: that person was in one place.
 */
export function participationsInPeriod(entries: readonly HourEntry[], from: Date, to: Date): number {
  return countingEntries(entries, { from, to }).length;
}

/**
 * Whether a team counts as active (志愿者团队维系) in the period. The choice: at least one approved
 * service entry (one that counts, as in participationsInPeriod) by a current member, served in the
 * period. Membership is read as it is now, since the team's roster is not kept by date; a
 * contract that asks for more (a number of services, a team activity) changes this one function.
 */
export function isActiveTeam(team: Pick<Team, 'members'>, entries: readonly HourEntry[], period: Period): boolean {
  return teamHasServed(team, new Set(countingEntries(entries, period).map((e) => e.volunteerId)));
}

/**
 * isActiveTeam's rule given who served (volunteers with a counting entry in the period): the
 * indicator roll-ups keep that set per day instead of the entries, and ask this.
 */
export function teamHasServed(team: Pick<Team, 'members'>, served: ReadonlySet<string>): boolean {
  return team.members.some((m) => served.has(m.volunteerId));
}

/** 骨干: volunteers staff marked as core, among those registered (approved). */
export function coreVolunteers<V extends VolunteerRecord>(volunteers: readonly V[]): V[] {
  return volunteers.filter((v) => v.isCore && v.registrationStatus === 'approved');
}

/**
 * Approved latest versions served in the period that count at least a minute: the entries behind
 * participationsInPeriod and isActiveTeam (the indicator roll-ups group them by day).
 */
export function countingEntries(entries: readonly HourEntry[], period: Period): HourEntry[] {
  const counted = countedEntryMinutes(entries);
  return latestVersions(entries).filter((e) => (counted.get(e.id) ?? 0) > 0 && within(e.servedAt, period));
}

/** Counted minutes per entry, overlaps judged per volunteer; approval order decides who keeps a minute. */
function countWithOverlaps(entries: readonly HourEntry[]): Map<string, number> {
  const counted = new Map<string, number>();
  const timedByVolunteer = new Map<string, TimedEntry[]>();
  for (const { id, volunteerId, minutes, interval, approvals } of entries) {
    if (!interval) counted.set(id, minutes);
    else {
      const timed = { id, start: interval.start, end: interval.end, approvedAt: approvals[0]?.at };
      timedByVolunteer.set(volunteerId, [...(timedByVolunteer.get(volunteerId) ?? []), timed]);
    }
  }
  for (const timed of timedByVolunteer.values()) {
    for (const [id, minutes] of countedMinutes(timed)) counted.set(id, minutes);
  }
  return counted;
}

const sumValues = (map: ReadonlyMap<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
const within = (at: Date, { from, to }: Period): boolean => at >= from && at < to;

/**
 * The action's schema keeps minutes to 1..MAX_ENTRY_MINUTES, and minutes with times are computed
 * from those times; reaching here otherwise is a bug that would put a wrong number on record.
 */
function assertEntryMinutes(minutes: number, interval: Interval | undefined): void {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ENTRY_MINUTES) {
    throw new RangeError(`minutes must be an integer from 1 to ${MAX_ENTRY_MINUTES}`);
  }
  if (interval && unionMinutes([interval]) !== minutes) {
    throw new RangeError('minutes must be the whole minutes of the interval');
  }
}
