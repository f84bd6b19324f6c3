import type { Samples } from '../sample';

export const station: Samples<'station'> = {
  get: { input: {} },
  addArea: { input: { name: '第四片区' } },
  renameArea: { input: { areaId: 'area1', name: '第一片区（光复）' }, names: 'station' },
  addCommunity: { input: { areaId: 'area1', name: '大同社区' }, names: 'station' },
  renameCommunity: { input: { communityId: 'comm1', name: '光复社区（新）' }, names: 'station' },
  createInvitation: { input: { role: 'social_worker' } },
  listInvitations: { input: {} },
  listMembers: { input: {} },
  searchResidents: { input: { query: '张' } },
};
