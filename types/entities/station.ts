import { z } from 'zod';
import { idSchema } from './common';

export const communitySchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(30),
  areaId: idSchema,
});
export type Community = z.infer<typeof communitySchema>;

/** 片区: a station's subdivision; contract targets are set per area. */
export const areaSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(30),
});
export type Area = z.infer<typeof areaSchema>;

export const stationSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(50),
  /** 承接机构 */
  operator: z.string().trim().max(50).default(''),
  areas: z.array(areaSchema).max(20),
  communities: z.array(communitySchema).max(100),
  demo: z.boolean().default(false),
});
export type Station = z.infer<typeof stationSchema>;
