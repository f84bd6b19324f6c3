import { countWishesFulfilled } from '../../../_shared/domain/wishes';
import dayjs, { STATION_TIME_ZONE } from '../../../_shared/runtime/dayjs';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { wishesRepository } from '../../../_shared/repositories/wishes';
import { loadWishDetail } from '../access';
import { wishDetail, wishDetails, wishSummaries } from '../detail-view';
import { INBOX_STATUSES, inboxCounts } from '../inbox';
import { decodeCursor, nextCursor } from '../paging';

const STAFF = ['social_worker', 'admin'] as const;

/** 我的心愿: the wishes made for me — by me, or by a social worker for me. Only mine. */
export const mine = defineAction('wishes', 'mine', {
  access: 'registered',
  scope: 'self',
  writes: false,
  async handle(_input, { caller }) {
    return { items: await wishDetails(await wishesRepository.ofBeneficiary(caller._id), caller) };
  },
});

export const get = defineAction('wishes', 'get', {
  access: 'registered',
  scope: 'self_or_staff',
  writes: false,
  async handle({ wishId }, { caller }) {
    return wishDetail(await loadWishDetail(wishId, caller), caller);
  },
});

/** The staff inbox: one tab's wishes of the caller's station, the most recently changed first. */
export const inbox = defineAction('wishes', 'inbox', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ view, cursor, limit }, { caller }) {
    const skip = decodeCursor(cursor);
    const [docs, station] = await Promise.all([
      wishesRepository.ofStation(caller.stationId, INBOX_STATUSES[view], skip, limit),
      stationsRepository.findById(caller.stationId),
    ]);
    return { items: await wishSummaries(docs, station), ...nextCursor(skip, docs.length, limit) };
  },
});

/**
 * The inbox's counts and 点亮微心愿 over a period of days (inclusive, China time), per 片区 —
 * counted by the same pure function the indicator roll-up uses.
 */
export const summary = defineAction('wishes', 'summary', {
  access: STAFF,
  scope: 'station',
  writes: false,
  async handle({ fromDate, toDate }, { caller }) {
    const from = dayjs.tz(fromDate, STATION_TIME_ZONE).startOf('day').toDate();
    const to = dayjs.tz(toDate, STATION_TIME_ZONE).add(1, 'day').startOf('day').toDate();
    const [byStatus, confirmed, station] = await Promise.all([
      wishesRepository.countByStatus(caller.stationId),
      wishesRepository.confirmedBetween(caller.stationId, from, to),
      stationsRepository.findById(caller.stationId),
    ]);
    const fulfilled = countWishesFulfilled(confirmed, caller.stationId, from, to);
    return {
      counts: inboxCounts(byStatus),
      fulfilled: {
        total: fulfilled.total,
        byArea: (station?.areas ?? []).map((area) => ({
          areaId: area.id,
          areaName: area.name,
          count: fulfilled.byArea.get(area.id) ?? 0,
        })),
      },
    };
  },
});
