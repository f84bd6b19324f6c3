import type { Role } from '@linli/types/entities/common';
import { DEMO_PERSONAS, DEMO_STATION_ID } from '../../../local/demo/seed';

/**
 * The callers of the access-control matrix: every kind of person who may knock, from the demo
 * data (local/demo/seed.ts). 张阿姨 owns the samples' "own" records unless a sample says whose
 * they are; 刘先生 is the neighbour who must not reach them.
 */
export const PERSONA_KEYS = [
  'resident',
  'neighbour',
  'volunteer',
  'socialWorker',
  'otherStation',
  'admin',
  'unknown',
  'anonymous',
] as const;
export type PersonaKey = (typeof PERSONA_KEYS)[number];

/** Personas who may own a record a sample names. */
export type OwnerKey = Extract<PersonaKey, 'resident' | 'neighbour' | 'volunteer' | 'socialWorker' | 'admin'>;

export interface Persona {
  key: PersonaKey;
  label: string;
  /** null: no identity at all (the platform states no OPENID). */
  openid: string | null;
  /** Empty for the unknown caller: no profile, so no roles and no station. */
  roles: readonly Role[];
  stationId: string | null;
}

const demo = (key: PersonaKey, openid: string, label: string): Persona => {
  const p = DEMO_PERSONAS.find((d) => d.openid === openid);
  if (!p) throw new Error(`demo persona ${openid} is gone from local/demo/seed.ts`);
  return { key, label: `${label} ${p.name}`, openid, roles: p.roles, stationId: p.stationId };
};

/** A WeChat user who opened the mini-program once and never saved a profile. */
export const UNKNOWN_OPENID = 'oAccessNobody01';

export const PERSONAS: Record<PersonaKey, Persona> = {
  resident: demo('resident', 'oDemoResident01', '居民'),
  neighbour: demo('neighbour', 'oDemoResident02', '另一居民'),
  volunteer: demo('volunteer', 'oDemoVolunteer1', '志愿者'),
  socialWorker: demo('socialWorker', 'oDemoSocial0001', '本站社工'),
  otherStation: demo('otherStation', 'oDemoOtherSW01', '他站社工'),
  admin: demo('admin', 'oDemoAdmin0001', '站长'),
  unknown: { key: 'unknown', label: '未建资料', openid: UNKNOWN_OPENID, roles: [], stationId: null },
  anonymous: { key: 'anonymous', label: '无身份', openid: null, roles: [], stationId: null },
};

/** The station every sample's records belong to. */
export const SAMPLE_STATION_ID = DEMO_STATION_ID;
