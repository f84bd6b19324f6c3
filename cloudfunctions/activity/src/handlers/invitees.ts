import { defineAction } from '../../../_shared/runtime/dispatcher';
import { loadActivityOfStation } from '../../../_shared/queries/activity-of-station';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository } from '../../../_shared/repositories/users';
import { toPersonRef } from '../../../_shared/views/person-ref';

/**
 * The invitation list of an invitation-only activity, for its station's staff to review and
 * adjust in the edit form (which sends the whole list back with `update`). Phones as tails only.
 */
export const invitees = defineAction('activity', 'invitees', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ activityId }, { caller }) {
    const activity = await loadActivityOfStation(activityId, caller.stationId);
    const [people, station] = await Promise.all([
      usersRepository.findMany(activity.invited),
      stationsRepository.findById(activity.stationId),
    ]);
    const byId = new Map(people.map((p) => [p._id, p]));
    return { items: activity.invited.map((personId) => toPersonRef(personId, byId.get(personId), station)) };
  },
});
