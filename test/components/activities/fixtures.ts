import type { MyActivity } from '@linli/types/actions/activity';
import type { RosterEntry, SignInResult } from '@linli/types/actions/checkin';
import type { Activity, Booking } from '@linli/types/entities/activity';
import * as taroModule from '../support/taro';

/** The clock of these tests: Friday 20 November 2026, 10:00 in Shanghai. */
export const NOW = new Date('2026-11-20T10:00:00+08:00');

export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'Act0000001',
    stationId: 'st_demo',
    title: '长者智能手机课堂',
    description: '教大家用手机挂号、视频通话。',
    kind: 'lecture',
    serviceArea: 'elderly',
    areaId: 'area_east',
    communityId: 'c_lake',
    place: '湖滨社区活动室',
    startAt: '2026-11-23T14:00:00+08:00',
    endAt: '2026-11-23T16:00:00+08:00',
    capacity: 30,
    seatsLeft: 12,
    waitlisted: 0,
    bookingOpensAt: '2026-11-15T09:00:00+08:00',
    bookingClosesAt: '2026-11-23T14:00:00+08:00',
    audience: 'everyone',
    volunteerRoles: [],
    status: 'published',
    ...overrides,
  };
}

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    activityId: 'Act0000001',
    status: 'confirmed',
    partySize: 1,
    members: [],
    bookedAt: '2026-11-19T08:00:00+08:00',
    ...overrides,
  };
}

export function detail(overrides: Partial<MyActivity> = {}): MyActivity {
  return { activity: activity(), booking: null, attendance: null, ...overrides };
}

export function signInResult(overrides: Partial<SignInResult> = {}): SignInResult {
  return {
    outcome: 'signed_in',
    activityId: 'Act0000001',
    activityTitle: '长者智能手机课堂',
    personName: '王秀英',
    headcount: 1,
    at: '2026-11-23T14:02:00+08:00',
    ...overrides,
  };
}

export function rosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    personId: 'p_wang',
    name: '王秀英',
    communityName: '湖滨社区',
    phoneTail: '0000',
    walkIn: false,
    booking: 'confirmed',
    partySize: 1,
    signedInAt: null,
    signedOutAt: null,
    method: null,
    recordedBy: null,
    annulled: null,
    ...overrides,
  };
}

/**
 * Freezes `Date` at NOW for pages that read the clock themselves, leaving timers real (so
 * testing-library's waiting works as usual). Call in beforeEach; undo with jest.useRealTimers().
 */
export function freezeDateAtNow(): void {
  jest.useFakeTimers({
    now: NOW,
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'nextTick',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'hrtime',
      'performance',
    ],
  });
}

/** Opens the page under test as if with `?key=value…` (Taro's useRouter().params). */
export function openWithParams(params: Record<string, string>): void {
  jest.spyOn(taroModule, 'useRouter').mockReturnValue({ params, path: '' });
}
