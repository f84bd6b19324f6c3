import type { ActivityDraft } from '@linli/types/entities/activity';
import type { Samples } from '../sample';

const HOUR = 3600 * 1000;

/** A lecture in three days, bookable now. */
const draft = (now: Date, title = '长者防诈骗讲座'): ActivityDraft => {
  const startAt = new Date(now.getTime() + 72 * HOUR);
  return {
    title,
    description: '民警讲解常见骗局',
    kind: 'lecture',
    serviceArea: 'elderly',
    areaId: 'area1',
    communityId: 'comm1',
    place: '光复社区活动室',
    startAt: startAt.toISOString(),
    endAt: new Date(startAt.getTime() + 2 * HOUR).toISOString(),
    capacity: 30,
    bookingOpensAt: new Date(now.getTime() - HOUR).toISOString(),
    bookingClosesAt: startAt.toISOString(),
    audience: 'everyone',
    invited: [],
    volunteerRoles: [],
    sessions: [],
  };
};

export const activity: Samples<'activity'> = {
  list: { input: {} },
  get: { input: { activityId: 'DemoAct002' }, names: 'station' },
  manage: { input: {} },
  publish: { input: (fx) => draft(fx.now) },
  update: {
    input: (fx) => ({ activityId: 'DemoAct003', draft: draft(fx.now, '亲子手工坊：做灯笼') }),
    names: 'station',
  },
  cancel: { input: { activityId: 'DemoAct003', reason: '场地临时维修' }, names: 'station' },
  invitees: { input: { activityId: 'DemoAct002' }, names: 'station' },
  book: { input: { activityId: 'DemoAct003', members: [] }, names: 'station' },
  // 张阿姨 booked the 讲座 (fixtures): her booking, found by the activity and the caller.
  cancelBooking: { input: { activityId: 'DemoAct002' }, names: 'resident' },
  mine: { input: {} },
};
