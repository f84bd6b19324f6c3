import { z } from 'zod';

/** Document ids: the cloud's generated ids and our own readable ones both fit this. */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export type Id = z.infer<typeof idSchema>;

/** Instants travel as ISO-8601 strings with offset; the functions store Date values. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Mainland mobile number. */
export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号');

/** Person names as written on a sign-in sheet: Chinese or Latin, 1–20 characters. */
export const personNameSchema = z.string().trim().min(1, '请填写姓名').max(20, '姓名不超过20个字');

export const ROLES = ['resident', 'volunteer', 'social_worker', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  social_worker: '社工',
  admin: '站长',
};

/** A page of a list. `nextCursor` is absent on the last page. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const pageInputSchema = z.object({
  cursor: z.string().max(64).optional(),
  /** Clients read at most 20 per page, the cloud's client-side limit, so lists feel the same everywhere. */
  limit: z.number().int().min(1).max(20).default(20),
});
