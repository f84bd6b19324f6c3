import type { Station } from '@linli/types/entities/station';
import * as structure from '../../../_shared/domain/station-structure';
import { AppError } from '../../../_shared/runtime/app-error';
import { defineAction } from '../../../_shared/runtime/dispatcher';
import { stationsRepository, type StationDoc } from '../../../_shared/repositories/stations';

export function toStation(doc: StationDoc): Station {
  return {
    id: doc._id,
    name: doc.name,
    operator: doc.operator,
    areas: doc.areas,
    communities: doc.communities,
    demo: doc.demo ?? false,
  };
}

export async function loadStation(stationId: string): Promise<StationDoc> {
  const station = await stationsRepository.findById(stationId);
  if (!station) throw new AppError('NOT_FOUND', '未找到所属社工站');
  return station;
}

/**
 * Applies one structure edit with optimistic concurrency: two admins editing at once cannot
 * silently overwrite each other; the later one is asked to retry.
 */
async function applyEdit(stationId: string, edit: (s: structure.Structure) => structure.Edit): Promise<Station> {
  const station = await loadStation(stationId);
  const result = edit({ areas: station.areas, communities: station.communities });
  if (!result.ok) throw new AppError(result.code, result.message);
  const saved = await stationsRepository.saveStructure(station._id, station.version, result.structure);
  if (!saved) throw new AppError('CONFLICT', '片区信息刚被其他人修改，请刷新后重试');
  return toStation({ ...station, ...result.structure, version: station.version + 1 });
}

export const get = defineAction('station', 'get', {
  access: ['social_worker', 'admin'],
  scope: 'station',
  writes: false,
  async handle(_input, { caller }) {
    return toStation(await loadStation(caller.stationId));
  },
});

export const addArea = defineAction('station', 'addArea', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ name }, { caller }) {
    return applyEdit(caller.stationId, (s) => structure.addArea(s, name));
  },
});

export const renameArea = defineAction('station', 'renameArea', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ areaId, name }, { caller }) {
    return applyEdit(caller.stationId, (s) => structure.renameArea(s, areaId, name));
  },
});

export const addCommunity = defineAction('station', 'addCommunity', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ areaId, name }, { caller }) {
    return applyEdit(caller.stationId, (s) => structure.addCommunity(s, areaId, name));
  },
});

export const renameCommunity = defineAction('station', 'renameCommunity', {
  access: ['admin'],
  scope: 'station',
  writes: true,
  async handle({ communityId, name }, { caller }) {
    return applyEdit(caller.stationId, (s) => structure.renameCommunity(s, communityId, name));
  },
});
