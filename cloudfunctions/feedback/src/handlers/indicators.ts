import { countByCategory, formatShare, isOverdue, replyTimeliness } from '../../../_shared/domain/complaints';
import dayjs, { STATION_TIME_ZONE } from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { complaintsRepository } from '../../../_shared/repositories/complaints';

/**
 * The station's feedback figures over a period of days (China time, both days included): how
 * many opinions, suggestions and complaints came in, and 意见处理及时率 — the share first answered
 * within 2 days, among those that can already be judged (domain/complaints.ts replyTimeliness).
 * Counts only: no text, no names.
 */
export const indicators = defineAction('feedback', 'indicators', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ fromDate, toDate }, { caller, now }) {
    const period = {
      from: dayjs.tz(fromDate, STATION_TIME_ZONE).startOf('day').toDate(),
      to: dayjs.tz(toDate, STATION_TIME_ZONE).add(1, 'day').startOf('day').toDate(),
    };
    const received = await complaintsRepository.receivedBetween(caller.stationId, period.from, period.to);
    const { total, ...byCategory } = countByCategory(received, period);
    const timeliness = replyTimeliness(received, period, now);
    return {
      fromDate,
      toDate,
      byCategory,
      total,
      judged: timeliness.judged,
      answeredInTime: timeliness.answeredInTime,
      inTimeRate: formatShare(timeliness.share),
      overdueOpen: received.filter((c) => isOverdue(c, now)).length,
    };
  },
});
