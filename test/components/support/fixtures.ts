import type { StationDirectoryEntry } from '@linli/types/actions/account';
import type { Profile } from '@linli/types/entities/user';
import type { Me } from '@/services/session';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

export const station: StationDirectoryEntry = {
  id: 'st_demo',
  name: '东湖街道社工站',
  areas: [
    { id: 'area_east', name: '东片' },
    { id: 'area_west', name: '西片' },
  ],
  communities: [
    { id: 'c_lake', name: '湖滨社区', areaId: 'area_east' },
    { id: 'c_park', name: '公园社区', areaId: 'area_east' },
    { id: 'c_mill', name: '磨坊社区', areaId: 'area_west' },
  ],
};

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    openid: 'o_resident_wang',
    name: '王秀英',
    stationId: station.id,
    communityId: 'c_lake',
    roles: ['resident'],
    phoneMasked: '138****0000',
    consentAt: '2026-11-01T09:00:00+08:00',
    consentVersion: PRIVACY_NOTICE_VERSION,
    minor: false,
    demo: true,
    ...overrides,
  };
}

export const newUser: Me = { profile: null, station: null };
export const resident: Me = { profile: profile(), station };
export const socialWorker: Me = { profile: profile({ name: '李社工', roles: ['social_worker'] }), station };
export const admin: Me = { profile: profile({ name: '陈站长', roles: ['admin', 'social_worker'] }), station };
