import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { ACTIVITY_KIND_LABELS } from '@linli/types/entities/activity-kinds';
import type { Activity } from '@linli/types/entities/activity';
import SeatBadge from '@/components/seat-badge';
import StatusBadge, { type StatusText } from '@/components/status-badge';
import { formatWhen } from '@/services/activity-time';
import './index.scss';

export interface ActivityCardProps {
  activity: Activity;
  /** The community's name (the activity only carries its id). */
  communityName?: string;
  /** My part in it (已报名, 候补第2位, 已签到 14:02 …), shown next to the kind. */
  status?: StatusText | null;
  /** Seats left / 已满（可候补）; off where the seats mean nothing (past activities). */
  showSeats?: boolean;
  onClick?: () => void;
  /** Extra lines or buttons under the card's facts (staff actions). */
  children?: ReactNode;
}

/** One activity in a list: kind, title, when, where, seats, and my status. */
export default function ActivityCard({
  activity,
  communityName,
  status,
  showSeats = true,
  onClick,
  children,
}: ActivityCardProps) {
  const cancelled = activity.status === 'cancelled';
  return (
    <View
      className={`ll-activity-card${cancelled ? ' ll-activity-card--cancelled' : ''}`}
      data-testid="activity-card"
      role={onClick ? 'button' : undefined}
      onClick={onClick}
    >
      <View className="ll-activity-card__tags">
        <Text className="ll-activity-card__kind">{ACTIVITY_KIND_LABELS[activity.kind]}</Text>
        {status && <StatusBadge {...status} />}
      </View>
      <Text className="ll-activity-card__title">{activity.title}</Text>
      <Text className="ll-activity-card__line">{formatWhen(activity)}</Text>
      <Text className="ll-activity-card__line">{[communityName, activity.place].filter(Boolean).join(' · ')}</Text>
      {(showSeats || cancelled) && (
        <View className="ll-activity-card__seats">
          <SeatBadge activity={activity} />
        </View>
      )}
      {children}
    </View>
  );
}
