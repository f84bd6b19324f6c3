import type { PersonRef } from '@linli/types/entities/user';
import type { StationDoc } from '../repositories/stations';
import type { UserDoc } from '../repositories/users';

/** A resident as staff pick them: name, community, and only the phone's last four digits. */
export function toPersonRef(personId: string, person: UserDoc | undefined, station: StationDoc | null): PersonRef {
  return {
    personId,
    name: person?.name ?? '（已不在本站）',
    communityName: station?.communities.find((c) => c.id === person?.communityId)?.name ?? null,
    phoneTail: person?.phone ? person.phone.slice(-4) : null,
  };
}
