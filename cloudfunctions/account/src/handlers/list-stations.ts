import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { toDirectoryEntry } from '../../../_shared/views/profile';

/** The stations and their communities, for a newcomer choosing where they live. */
export const listStations = defineAction('account', 'listStations', {
  access: 'signed_in',
  scope: 'none',
  writes: false,
  async handle() {
    const stations = await stationsRepository.listAll();
    return { items: stations.map(toDirectoryEntry) };
  },
});
