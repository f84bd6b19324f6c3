import fc from 'fast-check';
import { startFunctionHarness, type FunctionHarness } from '../../support/functions';
import { addResidents, OTHER_SOCIAL, publish, SOCIAL } from '../../support/activities';

const RESIDENT = 'oDemoResident01';

let h: FunctionHarness;
beforeEach(async () => {
  h = await startFunctionHarness();
});
afterEach(async () => {
  await h.close();
});

const activityDoc = async (id: string) => (await h.db.dump('activities')).find((a) => a._id === id)!;
const bookingsOf = async (id: string) => (await h.db.dump('bookings')).filter((b) => b.activityId === id);

describe('publishing', () => {
  it('publishes an activity residents of the station can see, with seats left', async () => {
    const activity = await publish(h);
    expect(activity).toMatchObject({ status: 'published', seatsLeft: 30, capacity: 30 });
    const { items } = await h.ok(RESIDENT, 'activity', 'list', { limit: 20 });
    expect(items.map((a) => a.id)).toContain(activity.id);
  });

  it('refuses bad drafts with field paths and writes nothing', async () => {
    const before = await h.db.dump('activities');
    const result = await h.call(SOCIAL, 'activity', 'publish', {
      ...(await import('../../support/activities')).draft(),
      title: '',
      endAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect(!result.ok && result.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['title', 'endAt']));
    expect(await h.db.dump('activities')).toEqual(before);
  });

  it('refuses a community outside the chosen area', async () => {
    const result = await h.call(
      SOCIAL,
      'activity',
      'publish',
      (await import('../../support/activities')).draft({ communityId: 'comm5' }),
    );
    expect(!result.ok && result.error.fields?.[0]?.path).toBe('communityId');
  });

  it('lets only staff publish, and only their own station see and edit', async () => {
    expect(await h.errorCode(RESIDENT, 'activity', 'publish', (await import('../../support/activities')).draft())).toBe(
      'FORBIDDEN',
    );
    const activity = await publish(h);
    expect(await h.errorCode(OTHER_SOCIAL, 'activity', 'cancel', { activityId: activity.id, reason: '测试' })).toBe(
      'NOT_FOUND',
    );
    expect(await h.errorCode('oDemoOtherSW01', 'activity', 'get', { activityId: activity.id })).toBe('NOT_FOUND');
  });
});

describe('booking', () => {
  it('1000 concurrent bookings by 1000 residents for 50 seats confirm exactly 50', async () => {
    const activity = await publish(h, { capacity: 50 });
    const residents = await addResidents(h, 1000);
    const results = await Promise.all(residents.map((r) => h.call(r, 'activity', 'book', { activityId: activity.id })));
    expect(results.every((r) => r.ok)).toBe(true);
    const bookings = await bookingsOf(activity.id);
    expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(50);
    expect(bookings.filter((b) => b.status === 'waitlisted')).toHaveLength(950);
    expect(await activityDoc(activity.id)).toMatchObject({ seatsTaken: 50, waitlisted: 950 });
  }, 60_000);

  it('the same resident tapping 20 times at once gets one booking', async () => {
    const activity = await publish(h);
    await Promise.all(
      Array.from({ length: 20 }, () => h.call(RESIDENT, 'activity', 'book', { activityId: activity.id })),
    );
    expect(await bookingsOf(activity.id)).toHaveLength(1);
    expect(await activityDoc(activity.id)).toMatchObject({ seatsTaken: 1 });
  });

  it('books a household party, and cancelling returns exactly its seats to the next in line', async () => {
    const activity = await publish(h, { capacity: 3 });
    const mine = await h.ok(RESIDENT, 'activity', 'book', {
      activityId: activity.id,
      members: [{ name: '小明' }, { name: '小红' }],
    });
    expect(mine.booking).toMatchObject({ status: 'confirmed', partySize: 3 });
    const waiting = await h.ok('oDemoResident02', 'activity', 'book', { activityId: activity.id });
    expect(waiting.booking).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    const cancelled = await h.ok(RESIDENT, 'activity', 'cancelBooking', { activityId: activity.id });
    expect(cancelled.booking?.status).toBe('cancelled');
    const promoted = await h.ok('oDemoResident02', 'activity', 'get', { activityId: activity.id });
    expect(promoted.booking?.status).toBe('confirmed');
    expect(await activityDoc(activity.id)).toMatchObject({ seatsTaken: 1, waitlisted: 0 });
    // The promotion notice 加入候补 asked for (types/subscriptions.ts), to the one promoted.
    expect((await h.db.dump('outbox')).filter((m) => m.template === 'booking_promoted').map((m) => m.toOpenid)).toEqual(
      ['oDemoResident02'],
    );
  });

  it('refuses parties over the limit, closed booking and invitation-only activities', async () => {
    const activity = await publish(h);
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `家人${i}` }));
    expect(await h.errorCode(RESIDENT, 'activity', 'book', { activityId: activity.id, members: six })).toBe(
      'INVALID_INPUT',
    );
    const closed = await publish(h, {
      bookingClosesAt: new Date(Date.now() - 1000).toISOString(),
      bookingOpensAt: new Date(Date.now() - 7200_000).toISOString(),
    });
    expect(await h.errorCode(RESIDENT, 'activity', 'book', { activityId: closed.id })).toBe('BOOKING_CLOSED');
    const invited = await publish(h, { audience: 'invited', invited: ['oDemoResident02'] });
    expect(await h.errorCode(RESIDENT, 'activity', 'book', { activityId: invited.id })).toBe('NOT_INVITED');
    // The detail tells each resident whether they are on the list — and nothing about others.
    expect((await h.ok(RESIDENT, 'activity', 'get', { activityId: invited.id })).invited).toBe(false);
    expect((await h.ok('oDemoResident02', 'activity', 'get', { activityId: invited.id })).invited).toBe(true);
    expect((await h.ok(RESIDENT, 'activity', 'get', { activityId: closed.id })).invited).toBeUndefined();
    expect((await h.ok('oDemoResident02', 'activity', 'book', { activityId: invited.id })).booking?.status).toBe(
      'confirmed',
    );
  });

  it('tells booked residents when an activity is cancelled or moved, and refuses capacity below bookings', async () => {
    const activity = await publish(h, { capacity: 5 });
    await h.ok(RESIDENT, 'activity', 'book', { activityId: activity.id, members: [{ name: '小明' }] });
    const { draft } = await import('../../support/activities');
    const tooSmall = await h.call(SOCIAL, 'activity', 'update', {
      activityId: activity.id,
      draft: draft({ capacity: 1 }),
    });
    expect(!tooSmall.ok && tooSmall.error.code).toBe('CAPACITY_BELOW_BOOKED');
    const moved = await h.ok(SOCIAL, 'activity', 'update', {
      activityId: activity.id,
      draft: draft({ capacity: 5 }, 72),
    });
    expect(moved.rescheduledAt).toBeDefined();
    await h.ok(SOCIAL, 'activity', 'cancel', { activityId: activity.id, reason: '天气原因' });
    // One template, 活动变更通知, for both (the 报名 prompt asks for it); the 备注 says which.
    const sent = await h.db.dump('outbox');
    expect(sent.map((m) => [m.toOpenid, m.template, (m.data as { thing4: string }).thing4])).toEqual([
      [RESIDENT, 'activity_changed', '活动时间有变，请留意新时间'],
      [RESIDENT, 'activity_changed', '活动已取消：天气原因'],
    ]);
    expect(await h.errorCode('oDemoResident02', 'activity', 'book', { activityId: activity.id })).toBe(
      'ACTIVITY_CANCELLED',
    );
  });

  it('shows residents only their own bookings', async () => {
    const activity = await publish(h);
    await h.ok(RESIDENT, 'activity', 'book', { activityId: activity.id });
    const { upcoming } = await h.ok('oDemoResident02', 'activity', 'mine', {});
    expect(upcoming).toEqual([]);
    const mine = await h.ok(RESIDENT, 'activity', 'mine', {});
    expect(mine.upcoming.map((m) => m.activity.id)).toEqual([activity.id]);
  });

  it('keeps booked + free = capacity through random sequences of concurrent books and cancels', async () => {
    const activity = await publish(h, { capacity: 4 });
    const people = await addResidents(h, 6, 'oSeq');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 5 }),
            cancel: fc.boolean(),
            party: fc.integer({ min: 0, max: 2 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (steps) => {
          await Promise.all(
            steps.map((s) =>
              s.cancel
                ? h.call(people[s.who]!, 'activity', 'cancelBooking', { activityId: activity.id })
                : h.call(people[s.who]!, 'activity', 'book', {
                    activityId: activity.id,
                    members: Array.from({ length: s.party }, () => ({ name: '家人' })),
                  }),
            ),
          );
          const doc = await activityDoc(activity.id);
          const confirmed = (await bookingsOf(activity.id)).filter((b) => b.status === 'confirmed');
          const seats = confirmed.reduce((n, b) => n + (b.partySize as number), 0);
          expect(doc.seatsTaken).toBe(seats);
          expect(seats).toBeLessThanOrEqual(4);
          expect(seats).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
  }, 60_000);
});

describe('editing an invitation-only activity', () => {
  it('shows staff the invitation list, and an edit replaces it with the list sent', async () => {
    const { draft } = await import('../../support/activities');
    const activity = await publish(h, { audience: 'invited', invited: ['oDemoResident02'] });
    const { items } = await h.ok(SOCIAL, 'activity', 'invitees', { activityId: activity.id });
    expect(items).toEqual([
      { personId: 'oDemoResident02', name: '刘先生', communityName: expect.any(String), phoneTail: '0012' },
    ]);
    expect(await h.errorCode(RESIDENT, 'activity', 'invitees', { activityId: activity.id })).toBe('FORBIDDEN');
    expect(await h.errorCode(OTHER_SOCIAL, 'activity', 'invitees', { activityId: activity.id })).toBe('NOT_FOUND');

    await h.ok(SOCIAL, 'activity', 'update', {
      activityId: activity.id,
      draft: draft({ audience: 'invited', title: '改名了', invited: [RESIDENT] }),
    });
    expect((await h.db.dump('activities')).find((a) => a._id === activity.id)?.invited).toEqual([RESIDENT]);
    expect(await h.errorCode('oDemoResident02', 'activity', 'book', { activityId: activity.id })).toBe('NOT_INVITED');
    expect((await h.ok(RESIDENT, 'activity', 'book', { activityId: activity.id })).booking?.status).toBe('confirmed');
  });
});
