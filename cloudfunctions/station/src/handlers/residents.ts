import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { usersRepository } from '../../../_shared/repositories/users';
import { toPersonRef } from '../../../_shared/views/person-ref';

/** Staff find a resident of their station by name or phone tail (invitation lists, code cards). */
export const searchResidents = defineAction('station', 'searchResidents', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle({ query }, { caller }) {
    const [found, station] = await Promise.all([
      usersRepository.search(caller.stationId, query),
      stationsRepository.findById(caller.stationId),
    ]);
    return { items: found.map((person) => toPersonRef(person._id, person, station)) };
  },
});
