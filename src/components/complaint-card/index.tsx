import { Text, View } from '@tarojs/components';
import type { ComplaintSummary } from '@linli/types/entities/complaint';
import StatusBadge from '@/components/status-badge';
import { formatMoment } from '@/services/activity-time';
import { complaintBadge, complaintTitle, deadlineText } from '@/services/complaints';
import './index.scss';

export interface ComplaintCardProps {
  item: ComplaintSummary;
  /** Staff rows name the handler; the sender's rows show the start of their text. */
  showHandler?: boolean;
  onOpen: () => void;
}

/** One row of 我的反馈 or the staff inbox; an overdue one is drawn red. */
export default function ComplaintCard({ item, showHandler, onOpen }: ComplaintCardProps) {
  const badge = complaintBadge(item);
  const overdue = item.urgency === 'overdue';
  return (
    <View
      className={`ll-complaint-card${overdue ? ' ll-complaint-card--overdue' : ''}`}
      data-testid="complaint-card"
      role="button"
      onClick={onOpen}
    >
      <View className="ll-complaint-card__head">
        <Text className="ll-complaint-card__title">{complaintTitle(item)}</Text>
        <StatusBadge {...badge} />
      </View>
      {item.excerpt && <Text className="ll-complaint-card__excerpt">{item.excerpt}</Text>}
      <Text className="ll-complaint-card__meta">
        {formatMoment(item.receivedAt)} 提交{item.anonymous ? ' · 匿名' : ''}
        {item.reopened ? ' · 曾重新打开' : ''}
        {showHandler ? ` · 处理人：${item.handlerName ?? '未指派'}` : ''}
      </Text>
      <Text className={`ll-complaint-card__due${overdue ? ' ll-complaint-card__due--overdue' : ''}`}>
        {deadlineText(item)}
      </Text>
    </View>
  );
}
