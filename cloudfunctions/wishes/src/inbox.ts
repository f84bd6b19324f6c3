import type { WishInboxView } from '@linli/types/actions/wishes';
import type { WishStatus } from '@linli/types/entities/wish';

/**
 * The staff inbox's tabs as statuses. `held` sits with `submitted`: a wish the content check
 * held needs a person to look at it, like a new one. `approved` is never stored (domain/wishes.ts).
 */
export const INBOX_STATUSES: Record<WishInboxView, readonly WishStatus[]> = {
  review: ['submitted', 'held'],
  changes_requested: ['changes_requested'],
  published: ['published'],
  claimed: ['claimed'],
  fulfilled: ['fulfilled'],
  closed: ['confirmed', 'declined', 'withdrawn'],
};

/** Per-status counts summed into the tabs' counts. */
export function inboxCounts(byStatus: ReadonlyMap<WishStatus, number>): Record<WishInboxView, number> {
  const counts = {} as Record<WishInboxView, number>;
  for (const [view, statuses] of Object.entries(INBOX_STATUSES) as [WishInboxView, readonly WishStatus[]][]) {
    counts[view] = statuses.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0);
  }
  return counts;
}
