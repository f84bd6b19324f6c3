import { DEFAULT_MESSAGES, type ErrorCode, type FieldError } from '@linli/types/errors';

/**
 * The only error a handler throws on purpose. The dispatcher turns it into
 * `{ok: false, error: {code, message, fields}}`; anything else becomes INTERNAL.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, message?: string, fields?: FieldError[]) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export const fail = (code: ErrorCode, message?: string, fields?: FieldError[]): never => {
  throw new AppError(code, message, fields);
};
