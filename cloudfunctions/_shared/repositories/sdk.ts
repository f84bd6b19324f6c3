import { z } from 'zod';
import { AppError } from '../runtime/app-error';

/**
 * Narrowing of what the SDK returns (it types documents as `any`). Repositories parse every
 * document they hand out, so a malformed record fails here, loudly, not three calls later.
 */
export function narrow<T extends z.ZodType>(schema: T, raw: unknown, what: string): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    // The record is ours and broken: an operator must look. Don't leak it to the caller.
    console.error(`[repository] malformed ${what}: ${result.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    throw new AppError('INTERNAL');
  }
  return result.data;
}

export const narrowAll = <T extends z.ZodType>(schema: T, raws: unknown[], what: string): z.output<T>[] =>
  raws.map((raw) => narrow(schema, raw, what));

/** Dates come back from the SDK as Date objects; accept ISO strings from imported data too. */
export const storedDate = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]);

/** The cloud's error for a unique-index or _id clash (E11000 in the underlying MongoDB). */
export function isDuplicateKeyError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message}` : JSON.stringify(error ?? '');
  return /E11000|duplicate key|DUPLICATE/i.test(text);
}

/**
 * The cloud returns at most 100 documents per query by default and 1000 at most; code that
 * silently assumes "all rows" breaks once a station grows. Repositories read in pages of this
 * size and say how far they go.
 */
export const PAGE_SIZE = 100;

/**
 * Reads every page of a query up to `max` documents. Only for small, bounded sets (a station's
 * staff, a contract's indicators); large sets are aggregated in the database instead.
 */
export async function readAllPages<T>(
  fetchPage: (skip: number, limit: number) => Promise<T[]>,
  max: number,
): Promise<T[]> {
  const all: T[] = [];
  for (let skip = 0; skip < max; skip += PAGE_SIZE) {
    const page = await fetchPage(skip, Math.min(PAGE_SIZE, max - skip));
    all.push(...page);
    if (page.length < PAGE_SIZE) break;
  }
  return all;
}
