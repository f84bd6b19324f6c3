import type { MyVolunteer, Shift, Team, VolunteerDetail, VolunteerSummary } from '@linli/types/entities/volunteer';
import { maskPhone } from '../../_shared/domain/masking';
import { rolesWithTaken } from '../../_shared/domain/volunteer-shifts';
import type { ActivityDoc } from '../../_shared/repositories/activities';
import type { ShiftSignUpDoc } from '../../_shared/repositories/shifts';
import type { StationDoc } from '../../_shared/repositories/stations';
import type { VolunteerDoc } from '../../_shared/repositories/volunteers';

/**
 * Stored registrations, teams and shifts → what people see. Phones are masked everywhere except
 * `toVolunteerDetail`, which only the staff of the volunteer's station get (volunteer.detail).
 */

export interface TeamRef {
  id: string;
  name: string;
}

/** The volunteer themself: their own phone masked too (screens are seen over shoulders). */
export function toMyVolunteer(doc: VolunteerDoc, teams: TeamRef[]): MyVolunteer {
  return {
    status: doc.status,
    ...(doc.status === 'rejected' && doc.reason ? { reason: doc.reason } : {}),
    realName: doc.realName,
    phoneMasked: maskPhone(doc.phone),
    communityId: doc.communityId,
    skills: doc.skills,
    availability: doc.availability,
    emergencyContactName: doc.emergencyContact.name,
    emergencyPhoneMasked: maskPhone(doc.emergencyContact.phone),
    appliedAt: doc.appliedAt.toISOString(),
    ...(doc.reviewedAt ? { reviewedAt: doc.reviewedAt.toISOString() } : {}),
    core: doc.core,
    teams,
  };
}

export function toVolunteerSummary(doc: VolunteerDoc, station: StationDoc | null, teams: TeamRef[]): VolunteerSummary {
  return {
    volunteerId: doc._id,
    realName: doc.realName,
    communityName: station?.communities.find((c) => c.id === doc.communityId)?.name ?? null,
    phoneMasked: maskPhone(doc.phone),
    status: doc.status,
    ...(doc.status === 'rejected' && doc.reason ? { reason: doc.reason } : {}),
    core: doc.core,
    skills: doc.skills,
    teams,
    appliedAt: doc.appliedAt.toISOString(),
  };
}

/** The whole record, contact details included: for the staff of the volunteer's station only. */
export function toVolunteerDetail(
  doc: VolunteerDoc,
  station: StationDoc | null,
  teams: TeamRef[],
  extra: { reviewerName: string | null; approvedHours: string },
): VolunteerDetail {
  return {
    ...toVolunteerSummary(doc, station, teams),
    phone: doc.phone,
    availability: doc.availability,
    emergencyContact: { name: doc.emergencyContact.name, phone: doc.emergencyContact.phone },
    ...(extra.reviewerName ? { reviewedBy: extra.reviewerName } : {}),
    ...(doc.reviewedAt ? { reviewedAt: doc.reviewedAt.toISOString() } : {}),
    approvedHours: extra.approvedHours,
  };
}

export function toTeam(
  team: TeamRef,
  facts: { leaderName: string | null; memberIds: readonly string[] },
  callerId: string,
): Team {
  return {
    id: team.id,
    name: team.name,
    leaderName: facts.leaderName,
    memberCount: facts.memberIds.length,
    joined: facts.memberIds.includes(callerId),
  };
}

/** An activity's volunteer roles as a volunteer signs up for them; `mine` only if it holds a place. */
export function toShift(
  activity: ActivityDoc,
  takenByIndex: ReadonlyMap<number, number>,
  mine: ShiftSignUpDoc | null,
): Shift {
  return {
    activityId: activity._id,
    title: activity.title,
    place: activity.place,
    startAt: activity.startAt.toISOString(),
    endAt: activity.endAt.toISOString(),
    roles: rolesWithTaken(activity.volunteerRoles, takenByIndex),
    myRole: mine?.status === 'confirmed' ? mine.role : null,
  };
}
