import { z } from 'zod';
import { roleSchema } from './entities/common';

/**
 * The local runtime's dev login (never deployed): a person picks a demo persona, the runtime
 * answers with a signed token, and every /api call carries it as `Authorization: Bearer`.
 * In the WeChat cloud the caller's OPENID comes from the platform instead.
 */
export const DEV_AUTH_PATHS = {
  personas: '/api/_dev/personas',
  login: '/api/_dev/login',
} as const;

export const personaSchema = z.object({
  openid: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  stationName: z.string().nullable(),
  communityName: z.string().nullable(),
  /** One line saying what this persona is good for trying out. */
  description: z.string(),
});
export type Persona = z.infer<typeof personaSchema>;

export const personasResponseSchema = z.object({ items: z.array(personaSchema) });

/** `openid` for a demo persona, or omitted to start as a brand-new user (first-use journey). */
export const devLoginRequestSchema = z.object({
  openid: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{5,63}$/)
    .optional(),
});
export const devLoginResponseSchema = z.object({ token: z.string(), openid: z.string() });
