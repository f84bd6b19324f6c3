import type { HourEntryView } from '@linli/types/entities/hours';
import type { Team, VolunteerDetail, VolunteerSummary } from '@linli/types/entities/volunteer';

/** The clock of these tests: Friday 20 November 2026, 10:10 in Shanghai. */
export const NOW = new Date('2026-11-20T10:10:00+08:00');

export function summary(overrides: Partial<VolunteerSummary> = {}): VolunteerSummary {
  return {
    volunteerId: 'o_zhao',
    realName: '赵志愿',
    communityName: '湖滨社区',
    phoneMasked: '139****0021',
    status: 'approved',
    core: false,
    skills: ['陪伴探访'],
    teams: [{ id: 'team_care', name: '长者关爱队' }],
    appliedAt: '2026-11-02T09:00:00+08:00',
    ...overrides,
  };
}

export const applicant = (overrides: Partial<VolunteerSummary> = {}): VolunteerSummary =>
  summary({
    volunteerId: 'o_sun',
    realName: '孙悦',
    phoneMasked: '139****0031',
    status: 'pending',
    skills: [],
    teams: [],
    appliedAt: '2026-11-18T20:00:00+08:00',
    ...overrides,
  });

export function detail(overrides: Partial<VolunteerDetail> = {}): VolunteerDetail {
  return {
    ...applicant(),
    phone: '13900000031',
    availability: '周末上午',
    emergencyContact: { name: '孙先生', phone: '13900000032' },
    approvedHours: '0.00',
    ...overrides,
  };
}

export function team(overrides: Partial<Team> = {}): Team {
  return { id: 'team_care', name: '长者关爱队', leaderName: '赵志愿', memberCount: 2, joined: false, ...overrides };
}

export function hourEntry(overrides: Partial<HourEntryView> = {}): HourEntryView {
  return {
    id: 'h_manual_1',
    rootId: 'h_manual_1',
    version: 1,
    volunteerId: 'o_zhao',
    volunteerName: '赵志愿',
    source: 'manual',
    status: 'pending',
    flag: null,
    content: '入户探访',
    activityId: null,
    teamName: '长者关爱队',
    servedAt: '2026-11-19T09:00:00+08:00',
    startAt: '2026-11-19T09:00:00+08:00',
    endAt: '2026-11-19T10:30:00+08:00',
    minutes: 90,
    hours: '1.50',
    note: null,
    photoUrl: null,
    correctionRequest: null,
    history: [{ action: 'created', version: 1, by: '李社工', at: '2026-11-19T11:00:00+08:00' }],
    ...overrides,
  };
}

/**
 * Freezes `Date` at NOW for pages that read the clock themselves (default times, periods),
 * leaving timers real so testing-library's waiting works. Undo with jest.useRealTimers().
 */
export function freezeDate(now: Date = NOW): void {
  jest.useFakeTimers({
    now,
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
