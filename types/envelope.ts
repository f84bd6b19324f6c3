import { z } from 'zod';
import { appErrorSchema, type AppErrorBody } from './errors';

/** Every function answers with this envelope: never a bare value, never a thrown stack trace. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);

/**
 * What a client sends to a function. `requestId` is the client's idempotency key for writes:
 * a retry with the same id must return the original answer.
 */
export const functionRequestSchema = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
  requestId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});
export type FunctionRequest = z.infer<typeof functionRequestSchema>;
