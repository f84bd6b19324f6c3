import type { ActionInput } from '@linli/types/api';
import type { WishDetail } from '@linli/types/entities/wish';
import type { FunctionHarness } from '../../support/functions';
import { DEMO_STATION_ID } from '../../../local/demo/seed';
import { PRIVACY_NOTICE_VERSION } from '@linli/types/privacy';

/** Demo personas (local/demo/seed.ts). */
export const SOCIAL = 'oDemoSocial0001';
export const SOCIAL2 = 'oDemoSocial0002';
export const ADMIN = 'oDemoAdmin0001';
export const OTHER_SOCIAL = 'oDemoOtherSW01';
export const ZHANG = 'oDemoResident01';
export const LIU = 'oDemoResident02';
export const VOLUNTEER = 'oDemoVolunteer1';

/** 张阿姨 as the demo has her: what must never reach a public view of her wish. */
export const ZHANG_NAME = '张阿姨';
export const ZHANG_PHONE = '13900000011';

type Draft = ActionInput<'wishes', 'submit'>;

/** A wish as a social worker writes it down for 张阿姨 (a story with her details in it). */
export function draftFor(beneficiaryId: string, overrides: Partial<Draft> = {}): Draft {
  return {
    what: '一台电风扇',
    why: '张阿姨家里的电风扇坏了，夏天很热，电话13900000011，住光复路12号3栋。',
    estimatedValue: 150,
    category: 'daily_goods',
    beneficiaryId,
    hardship: 'lonely_elder',
    ...overrides,
  };
}

export const CLEAN_PUBLIC = {
  publicTitle: '为长者送一台电风扇',
  publicText: '一位长者家里的电风扇坏了，想要一台新的电风扇。',
};

/** A wish for 张阿姨, written down by 李社工 and published by him. */
export async function publishedWish(h: FunctionHarness, overrides: Partial<Draft> = {}): Promise<WishDetail> {
  const wish = await h.ok(SOCIAL, 'wishes', 'submit', draftFor(ZHANG, overrides));
  const published = await h.ok(SOCIAL, 'wishes', 'approve', { wishId: wish.id, ...CLEAN_PUBLIC });
  if (published.status !== 'published') throw new Error(`expected published, got ${published.status}`);
  return published;
}

/** Residents of the demo station (donors, a shop), inserted straight into the database. */
export async function addResidents(h: FunctionHarness, count: number, prefix = 'oDonor'): Promise<string[]> {
  const now = new Date();
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);
  await h.db.insertMany(
    'users',
    ids.map((id, i) => ({
      _id: id,
      name: i === 0 ? '惠民超市' : `爱心居民${i}`,
      stationId: DEMO_STATION_ID,
      communityId: 'comm2',
      roles: ['resident'],
      consentAt: now,
      consentVersion: PRIVACY_NOTICE_VERSION,
      createdAt: now,
      updatedAt: now,
    })),
  );
  return ids;
}

/** The stored wish, as the database holds it. */
export async function storedWish(h: FunctionHarness, id: string): Promise<Record<string, unknown>> {
  const doc = (await h.db.dump('wishes')).find((d) => d._id === id);
  if (!doc) throw new Error(`no wish ${id}`);
  return doc;
}
