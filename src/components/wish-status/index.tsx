import { WISH_STATUS_LABELS, type WishStatus } from '@linli/types/entities/wish';
import StatusBadge, { type BadgeTone, type StatusText } from '@/components/status-badge';

/** Colour per status: waiting on the station, on someone's action, done, or ended without help. */
const TONES: Record<WishStatus, BadgeTone> = {
  submitted: 'primary',
  changes_requested: 'warning',
  approved: 'primary',
  held: 'warning',
  published: 'primary',
  claimed: 'accent',
  fulfilled: 'accent',
  confirmed: 'accent',
  declined: 'danger',
  withdrawn: 'muted',
};

export const wishStatusText = (status: WishStatus): StatusText => ({
  text: WISH_STATUS_LABELS[status],
  tone: TONES[status],
});

/** A wish's status as a coloured pill: 待审核, 待认领, 已点亮 … */
export default function WishStatus({ status }: { status: WishStatus }) {
  return <StatusBadge {...wishStatusText(status)} />;
}
