import type { Profile } from '@linli/types/entities/user';
import type { StationDirectoryEntry } from '@linli/types/actions/account';
import { maskPhone } from '../domain/masking';
import { normaliseRoles } from '../domain/roles';
import type { UserDoc } from '../repositories/users';
import type { StationDoc } from '../repositories/stations';

/** Stored user → what the user sees of themself (phone masked: see types/entities/user.ts). */
export function toProfile(user: UserDoc): Profile {
  return {
    openid: user._id,
    name: user.name,
    stationId: user.stationId,
    communityId: user.communityId,
    roles: normaliseRoles(user.roles),
    ...(user.phone ? { phoneMasked: maskPhone(user.phone) } : {}),
    consentAt: user.consentAt.toISOString(),
    consentVersion: user.consentVersion,
    minor: user.minor ?? false,
    ...(user.guardian ? { guardian: { name: user.guardian.name, phoneMasked: maskPhone(user.guardian.phone) } } : {}),
    demo: user.demo ?? false,
  };
}

export function toDirectoryEntry(station: StationDoc): StationDirectoryEntry {
  return { id: station._id, name: station.name, areas: station.areas, communities: station.communities };
}
