import {
  cardIdFromPersonalCode,
  mayAttend,
  personalCodeFor,
  rosterCounts,
  signInProblem,
} from '../../../cloudfunctions/_shared/domain/attendance';

const start = new Date('2026-11-24T14:00:00+08:00');
const end = new Date('2026-11-24T16:00:00+08:00');
const activity = { status: 'published' as const, startAt: start, endAt: end };
const at = (iso: string) => new Date(iso);

describe('signInProblem', () => {
  it('opens an hour before the start, inclusive', () => {
    expect(signInProblem(activity, at('2026-11-24T12:59:59+08:00'))).toBe('SIGN_IN_NOT_OPEN');
    expect(signInProblem(activity, at('2026-11-24T13:00:00+08:00'))).toBeNull();
  });
  it('closes an hour after the end, inclusive', () => {
    expect(signInProblem(activity, at('2026-11-24T17:00:00+08:00'))).toBeNull();
    expect(signInProblem(activity, at('2026-11-24T17:00:01+08:00'))).toBe('SIGN_IN_CLOSED');
  });
  it('refuses a cancelled activity whatever the time', () => {
    expect(signInProblem({ ...activity, status: 'cancelled' }, at('2026-11-24T14:30:00+08:00'))).toBe(
      'ACTIVITY_CANCELLED',
    );
  });
});

describe('mayAttend', () => {
  it('lets anyone attend an open activity', () => {
    expect(mayAttend({ audience: 'everyone', invited: [] }, 'o1', false)).toBe(true);
  });
  it('limits an invitation-only activity to the invited and the booked', () => {
    const invitedOnly = { audience: 'invited' as const, invited: ['o2'] };
    expect(mayAttend(invitedOnly, 'o1', false)).toBe(false);
    expect(mayAttend(invitedOnly, 'o2', false)).toBe(true);
    expect(mayAttend(invitedOnly, 'o1', true)).toBe(true);
  });
});

describe('rosterCounts', () => {
  it('counts people, not records, and leaves annulled sign-ins out', () => {
    const counts = rosterCounts({
      bookings: [
        { personId: 'a', status: 'confirmed', partySize: 3 },
        { personId: 'b', status: 'confirmed', partySize: 1 },
        { personId: 'c', status: 'waitlisted', partySize: 2 },
        { personId: 'd', status: 'cancelled', partySize: 1 },
        { personId: 'e', status: 'confirmed', partySize: 1 },
      ],
      attendance: [
        { personId: 'a', headcount: 3, signedOutAt: new Date(), annulled: false },
        { personId: 'e', headcount: 1, annulled: true },
        { personId: 'walkin-1', headcount: 1, annulled: false },
      ],
    });
    expect(counts).toEqual({ booked: 5, waitlisted: 2, signedIn: 4, signedOut: 3, noShow: 2 });
  });
});

describe('personal codes', () => {
  it('round-trips a card id and rejects anything else', () => {
    expect(cardIdFromPersonalCode(personalCodeFor('Ab3dE5gH9k'))).toBe('Ab3dE5gH9k');
    expect(cardIdFromPersonalCode(' LCAb3dE5gH9k ')).toBe('Ab3dE5gH9k');
    for (const bad of ['', 'LC123', 'XXAb3dE5gH9k', 'LCAb3dE5gH9k!', 'iAbCdEfGhIj1a2b3cXyZ_-']) {
      expect(cardIdFromPersonalCode(bad)).toBeNull();
    }
  });
});
