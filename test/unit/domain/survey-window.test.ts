import {
  ANSWER_DAYS,
  answerWindow,
  formOpensAt,
  paperEntryOpen,
} from '../../../cloudfunctions/_shared/domain/survey-window';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const start = new Date('2026-11-24T06:00:00Z');
const end = new Date(start.getTime() + 2 * HOUR);
const single = { status: 'published' as const, startAt: start, endAt: end };
const at = (ms: number) => new Date(start.getTime() + ms);

describe('a single activity', () => {
  it('is for attendees only: nobody else, and no annulled sign-in', () => {
    expect(answerWindow(single, [], end).state).toBe('not_attendee');
    expect(answerWindow(single, [{ annulled: { by: 's', reason: '误签' } }], end).state).toBe('not_attendee');
  });

  it('opens at the end for someone who did not sign out', () => {
    const records = [{}];
    expect(answerWindow(single, records, at(HOUR))).toMatchObject({ state: 'not_yet', opensAt: end });
    expect(answerWindow(single, records, end)).toMatchObject({ state: 'open', opensAt: end });
  });

  it('opens at sign-out for someone who left early', () => {
    const signedOutAt = at(HOUR);
    expect(answerWindow(single, [{ signedOutAt }], at(HOUR + 1))).toMatchObject({
      state: 'open',
      opensAt: signedOutAt,
    });
  });

  it(`stays open ${ANSWER_DAYS} days after the end`, () => {
    const closesAt = new Date(end.getTime() + ANSWER_DAYS * DAY);
    expect(answerWindow(single, [{}], closesAt)).toMatchObject({ state: 'open', closesAt });
    expect(answerWindow(single, [{}], new Date(closesAt.getTime() + 1)).state).toBe('expired');
  });

  it('asks nothing of a cancelled activity', () => {
    expect(answerWindow({ ...single, status: 'cancelled' }, [{}], end).state).toBe('cancelled');
  });

  it('takes paper forms from the start', () => {
    expect(paperEntryOpen(single, at(-1))).toBe(false);
    expect(paperEntryOpen(single, start)).toBe(true);
    expect(paperEntryOpen({ ...single, status: 'cancelled' }, end)).toBe(false);
  });
});

describe('a 小组 series: one form, at its last session', () => {
  const WEEK = 7 * DAY;
  const sessions = [0, 1, 2].map((i) => ({ startAt: at(i * WEEK), endAt: new Date(end.getTime() + i * WEEK) }));
  const group = { ...single, endAt: sessions[2]!.endAt, sessions };

  it('opens for a member who came to an early session only when the series ends', () => {
    const firstOnly = [{ session: 1, signedOutAt: sessions[0]!.endAt }];
    expect(answerWindow(group, firstOnly, at(3 * HOUR)).state).toBe('not_yet');
    expect(answerWindow(group, firstOnly, sessions[2]!.endAt)).toMatchObject({ state: 'open' });
    expect(formOpensAt(group)).toEqual(sessions[2]!.endAt);
  });

  it('opens at sign-out of the last session; a sign-out at an earlier one does not open it', () => {
    const leftEarly = new Date(sessions[2]!.startAt.getTime() + HOUR);
    const records = [
      { session: 1, signedOutAt: sessions[0]!.endAt },
      { session: 3, signedOutAt: leftEarly },
    ];
    expect(answerWindow(group, records, leftEarly)).toMatchObject({ state: 'open', opensAt: leftEarly });
  });

  it('counts a member whose only sign-in at one session was annulled as attending the others', () => {
    const records = [{ session: 1, annulled: { by: 's' } }, { session: 2 }];
    expect(answerWindow(group, records, sessions[2]!.endAt).state).toBe('open');
  });

  it('takes paper forms once the last session has started', () => {
    expect(paperEntryOpen(group, sessions[1]!.endAt)).toBe(false);
    expect(paperEntryOpen(group, sessions[2]!.startAt)).toBe(true);
  });
});
