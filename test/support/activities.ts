import type { ActivityDraft } from '@linli/types/entities/activity';
import type { FunctionHarness } from './functions';
import { DEMO_STATION_ID } from '../../local/demo/seed';
import { clock } from '../../cloudfunctions/_shared/runtime/clock';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

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
      consentVersion: PRIVACY_NOTICE_VERSION,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return ids;
}

const WEEK = 7 * 24 * HOUR;

/** A 小组 of three weekly two-hour sessions; the first started 10 minutes ago. */
export async function publishGroup(h: FunctionHarness) {
  const first = Date.now() - 10 * 60_000;
  const sessions = [0, 1, 2].map((i) => ({
    startAt: new Date(first + i * WEEK).toISOString(),
    endAt: new Date(first + i * WEEK + 2 * HOUR).toISOString(),
  }));
  return h.ok(
    SOCIAL,
    'activity',
    'publish',
    draft({
      title: '长者互助小组',
      kind: 'group_session',
      capacity: 8,
      startAt: sessions[0]!.startAt,
      endAt: sessions[2]!.endAt,
      bookingOpensAt: new Date(first - 48 * HOUR).toISOString(),
      bookingClosesAt: new Date(first - HOUR).toISOString(),
      sessions,
    }),
  );
}

/**
 * Books a member into a group through the real action, two hours back in time while the series'
 * booking was open (its first session has begun by "now"); answers the booking.
 */
export async function enrolInGroup(h: FunctionHarness, activityId: string, personId: string) {
  clock.setOffset(-2 * HOUR);
  try {
    return (await h.ok(personId, 'activity', 'book', { activityId })).booking;
  } finally {
    clock.setOffset(0);
  }
}
