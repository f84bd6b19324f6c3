import type { Activity } from '@linli/types/entities/activity';
import StatusBadge, { type StatusText } from '@/components/status-badge';

/** What the seats look like to a resident: 剩余12个名额 / 已满（可候补）/ 已取消. */
export function seatStatus(activity: Pick<Activity, 'status' | 'seatsLeft'>): StatusText {
  if (activity.status === 'cancelled') return { text: '已取消', tone: 'danger' };
  if (activity.seatsLeft > 0) return { text: `剩余${activity.seatsLeft}个名额`, tone: 'accent' };
  return { text: '已满（可候补）', tone: 'warning' };
}

/** The seats left as a badge on an activity card or the detail page. */
export default function SeatBadge({ activity }: { activity: Pick<Activity, 'status' | 'seatsLeft'> }) {
  return <StatusBadge {...seatStatus(activity)} />;
}
