import type { VolunteerRegistrationDraft } from '@linli/types/entities/volunteer';
import type { FunctionHarness } from '../../support/functions';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

/** Demo personas (local/demo/seed.ts). */
export const SOCIAL = 'oDemoSocial0001';
export const ADMIN = 'oDemoAdmin0001';
export const OTHER_SOCIAL = 'oDemoOtherSW01';
export const RESIDENT = 'oDemoResident01';
export const RESIDENT2 = 'oDemoResident02';
export const VOLUNTEER = 'oDemoVolunteer1';
export const APPLICANT = 'oDemoApplicant1';

/** What 张阿姨 fills in to register (her phone and her emergency contact's, in full). */
export function registrationDraft(overrides: Partial<VolunteerRegistrationDraft> = {}): VolunteerRegistrationDraft {
  return {
    realName: '张秀兰',
    phone: '13712345678',
    communityId: 'comm1',
    skills: ['陪伴探访', '理发'],
    availability: '工作日上午',
    emergencyContact: { name: '张小明', phone: '13687654321' },
    consent: true,
    ...overrides,
  };
}

/**
 * Approved volunteers of the demo station, inserted straight into the database (fast, for bulk
 * tests): each has a profile with the role and an approved registration, as volunteer.review
 * leaves them.
 */
export async function addVolunteers(h: FunctionHarness, count: number, prefix = 'oVol'): Promise<string[]> {
  const now = new Date();
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  await h.db.insertMany(
    'users',
    ids.map((id, i) => ({
      _id: id,
      name: `志愿者${i}`,
      stationId: DEMO_STATION_ID,
      communityId: 'comm1',
      roles: ['resident', 'volunteer'],
      consentAt: now,
      consentVersion: PRIVACY_NOTICE_VERSION,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await h.db.insertMany(
    'volunteers',
    ids.map((id, i) => ({
      _id: id,
      stationId: DEMO_STATION_ID,
      realName: `志愿者${i}`,
      phone: `137${String(i).padStart(8, '0')}`,
      communityId: 'comm1',
      skills: [],
      availability: '',
      emergencyContact: { name: '家属', phone: '13600000000' },
      consentAt: now,
      status: 'approved',
      appliedAt: now,
      reviewedBy: SOCIAL,
      reviewedAt: now,
      approvedAt: now,
      core: false,
      updatedAt: now,
    })),
  );
  return ids;
}

/** Every document of the volunteer collections, to show that a refused call changed nothing. */
export async function volunteerState(h: FunctionHarness) {
  const collections = ['volunteers', 'users', 'teams', 'team_members', 'shift_signups', 'shift_slots'];
  return Object.fromEntries(await Promise.all(collections.map(async (c) => [c, await h.db.dump(c)] as const)));
}
