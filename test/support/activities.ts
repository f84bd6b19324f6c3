import type { ActivityDraft } from '@linli/types/entities/activity';
import type { FunctionHarness } from './functions';
import { DEMO_STATION_ID } from '../../local/demo/seed';

export const SOCIAL = 'oDemoSocial0001';
export const OTHER_SOCIAL = 'oDemoOtherSW01';
const HOUR = 3600 * 1000;

/** A draft that is bookable now and starts in `startsInHours` (default: two days ahead). */
export function draft(overrides: Partial<ActivityDraft> = {}, startsInHours = 48): ActivityDraft {
  const now = Date.now();
  const startAt = new Date(now + startsInHours * HOUR);
  return {
    title: '长者健康讲座',
    description: '血压测量与健康咨询',
    kind: 'lecture',
    serviceArea: 'elderly',
    areaId: 'area1',
    communityId: 'comm1',
    place: '光复社区活动室',
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 2 * HOUR).toISOString(),
    capacity: 30,
    bookingOpensAt: new Date(now - HOUR).toISOString(),
    bookingClosesAt: new Date(Math.min(startAt.getTime(), now + startsInHours * HOUR)).toISOString(),
    audience: 'everyone',
    invited: [],
    volunteerRoles: [],
    sessions: [],
    ...overrides,
  };
}

export async function publish(h: FunctionHarness, overrides: Partial<ActivityDraft> = {}, startsInHours = 48) {
  return h.ok(SOCIAL, 'activity', 'publish', draft(overrides, startsInHours));
}

/** Residents of the demo station, inserted straight into the database (fast, for bulk tests). */
export async function addResidents(h: FunctionHarness, count: number, prefix = 'oBulk'): Promise<string[]> {
  const now = new Date();
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  await h.db.insertMany(
    'users',
    ids.map((id, i) => ({
      _id: id,
      name: `居民${i}`,
      stationId: DEMO_STATION_ID,
      communityId: 'comm1',
      roles: ['resident'],
      consentAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return ids;
}
