import type { Role } from '@linli/types/entities/common';
import { isStaff } from './roles';

/**
 * Becoming a volunteer at a station, and who leads a volunteer team. A registration is reviewed
 * by staff once; a rejected applicant may apply again, and the review starts over. Only approved
 * volunteers count as registered (登记人数) and only they may lead a team.
 *
 * What must change together: the volunteer function applies a review with a conditional update
 * (`status = 'pending'`), so two staff reviewing at once cannot both decide; a registration whose
 * status changes here changes who `effectiveLeader` accepts, so team screens read leaders through
 * it rather than from `leaderId`.
 */

export type RegistrationStatus = 'pending' | 'approved' | 'rejected';

export interface Registration {
  volunteerId: string;
  status: RegistrationStatus;
  /** Why it was rejected; shown to the applicant. */
  reason?: string;
}

/** Whoever acts: the caller's id (openid) and roles. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** Why a review is refused. Closed: clients switch on these. */
export type RegistrationReviewProblem = 'NOT_PENDING' | 'REASON_REQUIRED' | 'NOT_STAFF';

export type RegistrationReview =
  | {
      ok: true;
      changed: true;
      next: { status: 'approved' | 'rejected'; reason?: string; reviewedBy: string; reviewedAt: Date };
    }
  | { ok: true; changed: false }
  | { ok: false; problem: RegistrationReviewProblem };

/** Why a renewed application is refused. */
export type ReapplicationProblem = 'ALREADY_REGISTERED';

export type Reapplication =
  | { ok: true; changed: true; next: { status: 'pending' } }
  | { ok: true; changed: false }
  | { ok: false; problem: ReapplicationProblem };

/**
 * Decides a staff review of a registration. In this order:
 * 1. only staff review (NOT_STAFF);
 * 2. a rejection must say why (REASON_REQUIRED): the applicant is told, and can fix it and
 *    apply again — "rejected" alone leaves them guessing;
 * 3. the same decision again answers `changed: false`, so a double tap or a retried request is
 *    not an error and writes nothing;
 * 4. anything but a pending registration is refused (NOT_PENDING): approving a rejected one
 *    would skip the applicant's renewed application, and an approval is not taken back here.
 */
export function decideRegistrationReview(
  registration: Pick<Registration, 'status'>,
  reviewer: Actor,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  now: Date,
): RegistrationReview {
  if (!isStaff(reviewer.roles)) return { ok: false, problem: 'NOT_STAFF' };
  const givenReason = reason?.trim() ?? '';
  if (decision === 'reject' && givenReason === '') return { ok: false, problem: 'REASON_REQUIRED' };
  const status = decision === 'approve' ? 'approved' : 'rejected';
  if (registration.status === status) return { ok: true, changed: false };
  if (registration.status !== 'pending') return { ok: false, problem: 'NOT_PENDING' };
  const next = { status, reviewedBy: reviewer.id, reviewedAt: now } as const;
  return { ok: true, changed: true, next: status === 'rejected' ? { ...next, reason: givenReason } : next };
}

/**
 * A rejected applicant applies again: back to pending, for a fresh review. Applying while pending
 * changes nothing (a retry); an approved volunteer is already registered.
 */
export function decideReapplication(registration: Pick<Registration, 'status'>): Reapplication {
  if (registration.status === 'approved') return { ok: false, problem: 'ALREADY_REGISTERED' };
  if (registration.status === 'pending') return { ok: true, changed: false };
  return { ok: true, changed: true, next: { status: 'pending' } };
}

export interface TeamMember {
  volunteerId: string;
  registrationStatus: RegistrationStatus;
}

export interface Team {
  id: string;
  /** As stored; read it through effectiveLeader. */
  leaderId: string | null;
  members: readonly TeamMember[];
}

/** Why a leader appointment is refused. */
export type TeamLeaderProblem = 'NOT_STAFF' | 'NOT_MEMBER' | 'NOT_APPROVED';

export type TeamLeaderDecision = { ok: true; changed: boolean } | { ok: false; problem: TeamLeaderProblem };

/**
 * The team's leader, if the stored one still qualifies: a member of the team whose registration is
 * approved. Someone who left the team stops leading it at once, without a second write that could
 * be forgotten; the team shows as leaderless until staff appoint someone.
 */
export function effectiveLeader(team: Team): string | null {
  const leader = team.members.find((m) => m.volunteerId === team.leaderId);
  return leader && leader.registrationStatus === 'approved' ? leader.volunteerId : null;
}

/**
 * Who may manage a team (its members, its own gatherings): station staff, and the team's
 * leader. Other members may not, however long they have been in it.
 */
export function canManageTeam(actor: Actor, team: Team): boolean {
  return isStaff(actor.roles) || effectiveLeader(team) === actor.id;
}

/**
 * Decides making `candidateId` the team's one leader (replacing any other). Staff appoint
 * leaders — the leader speaks for the team to the station, so the station chooses — and only an
 * approved member may lead (NOT_MEMBER, NOT_APPROVED). Appointing the current leader again
 * changes nothing.
 */
export function decideTeamLeader(team: Team, candidateId: string, actor: Actor): TeamLeaderDecision {
  if (!isStaff(actor.roles)) return { ok: false, problem: 'NOT_STAFF' };
  const candidate = team.members.find((m) => m.volunteerId === candidateId);
  if (!candidate) return { ok: false, problem: 'NOT_MEMBER' };
  if (candidate.registrationStatus !== 'approved') return { ok: false, problem: 'NOT_APPROVED' };
  return { ok: true, changed: effectiveLeader(team) !== candidateId };
}
