import { AppError } from '../../_shared/runtime/app-error';

/**
 * Cursors are offsets, as in the activity lists: the lists are short-lived and ordered, and an
 * offset needs no extra index. Bounded so a crafted cursor cannot make the database skip far.
 */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const skip = Number(cursor);
  if (!Number.isInteger(skip) || skip < 0 || skip > 10_000) {
    throw new AppError('INVALID_INPUT', '分页参数无效', [{ path: 'cursor', message: '分页参数无效' }]);
  }
  return skip;
}

/** A full page may have a next one; a short page is the last. */
export const nextCursor = (skip: number, got: number, limit: number): { nextCursor?: string } =>
  got === limit ? { nextCursor: String(skip + limit) } : {};
