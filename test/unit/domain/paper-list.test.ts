import { paperListProblem, type PaperListFacts } from '../../../cloudfunctions/_shared/domain/paper-list';

const facts = (over: Partial<PaperListFacts> = {}): PaperListFacts => ({
  activity: { audience: 'everyone', invited: [] },
  stationId: 'st1',
  communityIds: ['comm1', 'comm2'],
  people: new Map([
    ['o1', { stationId: 'st1' }],
    ['o2', { stationId: 'st1' }],
    ['oElsewhere', { stationId: 'st2' }],
  ]),
  liveBookers: new Set(),
  ...over,
});

describe('paperListProblem', () => {
  it('accepts a list of the station’s residents and walk-ins of its communities', () => {
    expect(paperListProblem([{ personId: 'o1' }, { walkIn: { communityId: 'comm2' } }], facts())).toBeNull();
  });

  it('finds a bad line anywhere in the list, not only the first, and names it', () => {
    const list = [{ personId: 'o1' }, { personId: 'o2' }, { personId: 'oNobody' }];
    expect(paperListProblem(list, facts())).toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ path: 'entries.2.personId' }],
    });
  });

  it('treats another station’s resident as not found', () => {
    expect(paperListProblem([{ personId: 'oElsewhere' }], facts())?.code).toBe('NOT_FOUND');
  });

  it('refuses a walk-in from a community of another station', () => {
    expect(paperListProblem([{ personId: 'o1' }, { walkIn: { communityId: 'commX' } }], facts())).toMatchObject({
      code: 'INVALID_INPUT',
      fields: [{ path: 'entries.1.walkIn.communityId' }],
    });
  });

  it('at an invitation-only activity takes the invited and the booked, and no walk-ins', () => {
    const invitedOnly = facts({ activity: { audience: 'invited', invited: ['o1'] }, liveBookers: new Set(['o2']) });
    expect(paperListProblem([{ personId: 'o1' }, { personId: 'o2' }], invitedOnly)).toBeNull();
    expect(paperListProblem([{ personId: 'o1' }, { walkIn: { communityId: 'comm1' } }], invitedOnly)).toMatchObject({
      code: 'NOT_INVITED',
      fields: [{ path: 'entries.1' }],
    });
    const notBooked = facts({ activity: { audience: 'invited', invited: ['o1'] } });
    expect(paperListProblem([{ personId: 'o1' }, { personId: 'o2' }], notBooked)?.code).toBe('NOT_INVITED');
  });
});
