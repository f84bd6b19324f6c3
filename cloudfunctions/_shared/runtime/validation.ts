import type { z } from 'zod';
import type { FieldError } from '@linli/types/errors';
import { AppError } from './app-error';

/** zod issues → the field errors a form shows next to its inputs (`communityId`, `items.0.name`). */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export function parseOrFail<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = toFieldErrors(result.error);
    throw new AppError('INVALID_INPUT', fields[0] ? `${fields[0].message}` : undefined, fields);
  }
  return result.data;
}
