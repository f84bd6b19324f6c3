import {
  cardIdFromPersonalCode,
  mayAttend,
  personalCodeFor,
  rosterCounts,
} from '../../../cloudfunctions/_shared/domain/attendance';

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
