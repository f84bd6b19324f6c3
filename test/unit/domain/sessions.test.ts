import fc from 'fast-check';
import { activityDraftSchema } from '@linli/types/entities/activity';
import {
  attendanceKey,
  attendanceKeys,
  sessionForPaper,
  sessionForSignIn,
  sessionsOf,
  sessionToShow,
} from '../../../cloudfunctions/_shared/domain/sessions';

const at = (iso: string) => new Date(iso);
const single = {
  status: 'published' as const,
  startAt: at('2026-11-24T14:00:00+08:00'),
  endAt: at('2026-11-24T16:00:00+08:00'),
};
/** A group of three weekly sessions, Tuesdays 14:00–16:00. */
const group = {
  status: 'published' as const,
  startAt: at('2026-11-24T14:00:00+08:00'),
  endAt: at('2026-12-08T16:00:00+08:00'),
  sessions: [0, 7, 14].map((day) => ({
    startAt: new Date(at('2026-11-24T14:00:00+08:00').getTime() + day * 86400_000),
    endAt: new Date(at('2026-11-24T16:00:00+08:00').getTime() + day * 86400_000),
  })),
};
const sessionOf = (choice: ReturnType<typeof sessionForSignIn>) =>
  'session' in choice ? choice.session.index : choice.problem;

describe('sessionForSignIn on a single activity', () => {
  it('opens an hour before the start, inclusive', () => {
    expect(sessionOf(sessionForSignIn(single, at('2026-11-24T12:59:59+08:00')))).toBe('SIGN_IN_NOT_OPEN');
    expect(sessionOf(sessionForSignIn(single, at('2026-11-24T13:00:00+08:00')))).toBe(1);
  });
  it('closes an hour after the end, inclusive', () => {
    expect(sessionOf(sessionForSignIn(single, at('2026-11-24T17:00:00+08:00')))).toBe(1);
    expect(sessionOf(sessionForSignIn(single, at('2026-11-24T17:00:01+08:00')))).toBe('SIGN_IN_CLOSED');
  });
  it('refuses a cancelled activity whatever the time', () => {
    expect(sessionOf(sessionForSignIn({ ...single, status: 'cancelled' }, at('2026-11-24T14:30:00+08:00')))).toBe(
      'ACTIVITY_CANCELLED',
    );
  });
});

describe('sessionForSignIn on a group', () => {
  it('picks the session whose window holds the moment', () => {
    expect(sessionOf(sessionForSignIn(group, at('2026-11-24T14:10:00+08:00')))).toBe(1);
    expect(sessionOf(sessionForSignIn(group, at('2026-12-01T13:30:00+08:00')))).toBe(2);
    expect(sessionOf(sessionForSignIn(group, at('2026-12-08T16:59:00+08:00')))).toBe(3);
  });
  it('between sessions says which session is next', () => {
    const choice = sessionForSignIn(group, at('2026-11-28T10:00:00+08:00'));
    expect(choice).toEqual({ problem: 'SIGN_IN_NOT_OPEN', message: '第2节还未开始签到' });
  });
  it('is closed after the last session and not open before the first', () => {
    expect(sessionOf(sessionForSignIn(group, at('2026-12-08T17:00:01+08:00')))).toBe('SIGN_IN_CLOSED');
    expect(sessionOf(sessionForSignIn(group, at('2026-11-24T12:00:00+08:00')))).toBe('SIGN_IN_NOT_OPEN');
  });
});

describe('sessionForPaper and sessionToShow', () => {
  it('a paper list goes to the named session once it has started, else the latest started', () => {
    const dec2 = at('2026-12-02T10:00:00+08:00');
    expect(sessionForPaper(group, dec2)).toMatchObject({ session: { index: 2 } });
    expect(sessionForPaper(group, dec2, 1)).toMatchObject({ session: { index: 1 } });
    expect(sessionForPaper(group, dec2, 3)).toMatchObject({ problem: 'SIGN_IN_NOT_OPEN' });
    expect(sessionForPaper(group, dec2, 4)).toMatchObject({ problem: 'INVALID_INPUT' });
    expect(sessionForPaper(single, at('2026-11-24T10:00:00+08:00'))).toMatchObject({ problem: 'SIGN_IN_NOT_OPEN' });
  });
  it('a roster shows the open session, else the next, else the last', () => {
    expect(sessionToShow(group, at('2026-12-01T14:30:00+08:00'))?.index).toBe(2);
    expect(sessionToShow(group, at('2026-11-28T10:00:00+08:00'))?.index).toBe(2);
    expect(sessionToShow(group, at('2027-01-01T10:00:00+08:00'))?.index).toBe(3);
    expect(sessionToShow(group, at('2027-01-01T10:00:00+08:00'), 1)?.index).toBe(1);
    expect(sessionToShow(group, at('2027-01-01T10:00:00+08:00'), 9)).toBeNull();
  });
});

describe('attendance keys', () => {
  it('keeps a single activity’s key and gives each later session its own', () => {
    expect(attendanceKey('A', 'p')).toBe('A.p');
    expect(attendanceKey('A', 'p', 1)).toBe('A.p');
    expect(attendanceKey('A', 'p', 3)).toBe('A.p.3');
    expect(new Set(attendanceKeys('A', 'p')).size).toBe(attendanceKeys('A', 'p').length);
    expect(sessionsOf(single)).toEqual([{ index: 1, startAt: single.startAt, endAt: single.endAt }]);
  });
});

describe('the draft rules for a group', () => {
  const base = {
    title: '长者互助小组',
    kind: 'group_session',
    serviceArea: 'elderly',
    areaId: 'area1',
    communityId: 'comm1',
    place: '活动室',
    capacity: 12,
    bookingOpensAt: '2026-11-01T09:00:00+08:00',
    bookingClosesAt: '2026-11-24T12:00:00+08:00',
    startAt: group.sessions[0]!.startAt.toISOString(),
    endAt: group.sessions[2]!.endAt.toISOString(),
    sessions: group.sessions.map((s) => ({ startAt: s.startAt.toISOString(), endAt: s.endAt.toISOString() })),
  };
  const problems = (d: object) => {
    const parsed = activityDraftSchema.safeParse(d);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('accepts weekly sessions spanning weeks (no 24-hour limit on the series)', () => {
    expect(problems(base)).toEqual([]);
  });
  it('refuses sessions on a kind that is not a group, a single session, overlap and a mismatched span', () => {
    expect(problems({ ...base, kind: 'lecture' })).toContain('只有小组活动可以分多节');
    expect(problems({ ...base, sessions: base.sessions.slice(0, 1), endAt: base.sessions[0]!.endAt })).toContain(
      '小组至少2节',
    );
    const tooClose = base.sessions.map((s, i) =>
      i === 1 ? { startAt: '2026-11-24T17:00:00+08:00', endAt: '2026-11-24T18:00:00+08:00' } : s,
    );
    expect(problems({ ...base, sessions: tooClose })).toContain('第2节须在上一节结束2小时以后开始');
    expect(problems({ ...base, endAt: '2026-12-08T17:00:00+08:00' })).toContain('最后一节须在活动结束时间结束');
  });
  it('sign-in windows of valid sessions never overlap (so a scan needs no session number)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 2 * 60, max: 14 * 24 * 60 }), { minLength: 1, maxLength: 11 }),
        fc.integer({ min: 30, max: 240 }),
        (gapsMinutes, lengthMinutes) => {
          let start = group.startAt.getTime();
          const sessions = [start, ...gapsMinutes.map((g) => (start += (lengthMinutes + g) * 60_000))].map((s) => ({
            startAt: new Date(s),
            endAt: new Date(s + lengthMinutes * 60_000),
          }));
          const activity = { ...group, sessions };
          for (const s of sessions) {
            for (const probe of [s.startAt.getTime() - 3600_000, s.endAt.getTime() + 3600_000 - 1]) {
              const choice = sessionForSignIn(activity, new Date(probe));
              expect('session' in choice && choice.session.startAt).toEqual(s.startAt);
            }
          }
        },
      ),
    );
  });
});
