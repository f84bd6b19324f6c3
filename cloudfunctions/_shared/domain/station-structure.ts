import type { Area, Community } from '@linli/types/entities/station';
import type { ErrorCode } from '@linli/types/errors';

/**
 * Edits of a station's areas (片区) and communities, as pure functions: they either return the
 * new structure or the reason it is refused. Ids are never reused, so records that point at a
 * renamed area keep pointing at it.
 */
export interface Structure {
  areas: Area[];
  communities: Community[];
}

export type Edit = { ok: true; structure: Structure; id: string } | { ok: false; code: ErrorCode; message: string };

export const MAX_AREAS = 20;
export const MAX_COMMUNITIES = 100;

const nextId = (prefix: string, taken: readonly { id: string }[]): string => {
  const numbers = taken.map((t) => Number(t.id.slice(prefix.length))).filter(Number.isFinite);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
};

const refuse = (code: ErrorCode, message: string): Edit => ({ ok: false, code, message });

export function addArea(s: Structure, name: string): Edit {
  if (s.areas.length >= MAX_AREAS) return refuse('CONFLICT', `片区最多${MAX_AREAS}个`);
  if (s.areas.some((a) => a.name === name)) return refuse('CONFLICT', `已有名为“${name}”的片区`);
  const id = nextId('area', s.areas);
  return { ok: true, id, structure: { ...s, areas: [...s.areas, { id, name }] } };
}

export function renameArea(s: Structure, areaId: string, name: string): Edit {
  if (!s.areas.some((a) => a.id === areaId)) return refuse('NOT_FOUND', '未找到该片区');
  if (s.areas.some((a) => a.name === name && a.id !== areaId)) return refuse('CONFLICT', `已有名为“${name}”的片区`);
  return {
    ok: true,
    id: areaId,
    structure: { ...s, areas: s.areas.map((a) => (a.id === areaId ? { ...a, name } : a)) },
  };
}

export function addCommunity(s: Structure, areaId: string, name: string): Edit {
  if (!s.areas.some((a) => a.id === areaId)) return refuse('NOT_FOUND', '未找到该片区');
  if (s.communities.length >= MAX_COMMUNITIES) return refuse('CONFLICT', `社区最多${MAX_COMMUNITIES}个`);
  if (s.communities.some((c) => c.name === name)) return refuse('CONFLICT', `已有名为“${name}”的社区`);
  const id = nextId('comm', s.communities);
  return { ok: true, id, structure: { ...s, communities: [...s.communities, { id, name, areaId }] } };
}

export function renameCommunity(s: Structure, communityId: string, name: string): Edit {
  if (!s.communities.some((c) => c.id === communityId)) return refuse('NOT_FOUND', '未找到该社区');
  if (s.communities.some((c) => c.name === name && c.id !== communityId)) {
    return refuse('CONFLICT', `已有名为“${name}”的社区`);
  }
  return {
    ok: true,
    id: communityId,
    structure: { ...s, communities: s.communities.map((c) => (c.id === communityId ? { ...c, name } : c)) },
  };
}
