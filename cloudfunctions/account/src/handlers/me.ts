import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository } from '../../../_shared/repositories/stations';
import { toDirectoryEntry, toProfile } from '../../../_shared/views/profile';

/** Who am I? Answers for brand-new callers too (profile: null), which is how onboarding starts. */
export const me = defineAction('account', 'me', {
  access: 'signed_in',
  scope: 'self',
  writes: false,
  async handle(_input, { caller }) {
    if (!caller) return { profile: null, station: null };
    const station = await stationsRepository.findById(caller.stationId);
    return { profile: toProfile(caller), station: station ? toDirectoryEntry(station) : null };
  },
});
