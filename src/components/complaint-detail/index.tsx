import { Image, Text, View } from '@tarojs/components';
import type { ComplaintView } from '@linli/types/entities/complaint';
import StatusBadge from '@/components/status-badge';
import { formatMoment } from '@/services/activity-time';
import { complaintBadge, complaintTitle, deadlineText } from '@/services/complaints';
import './index.scss';

export interface ComplaintDetailProps {
  complaint: ComplaintView;
  /** Staff see the sender (when they may) and the handler; the sender sees a promise instead. */
  audience: 'sender' | 'staff';
}

/**
 * A complaint's content, as either side reads it: what kind and about what, when it came in, the
 * text and photos, the deadline (red once passed) and the latest reply.
 */
export default function ComplaintDetail({ complaint, audience }: ComplaintDetailProps) {
  const badge = complaintBadge(complaint);
  const overdue = complaint.urgency === 'overdue';
  return (
    <View className={`ll-complaint-detail${overdue ? ' ll-complaint-detail--overdue' : ''}`}>
      <View className="ll-complaint-detail__head">
        <Text className="ll-complaint-detail__title">{complaintTitle(complaint)}</Text>
        <StatusBadge {...badge} />
      </View>
      <Text className="ll-complaint-detail__meta">
        {formatMoment(complaint.receivedAt)} 提交{complaint.anonymous ? ' · 匿名' : ''}
      </Text>
      {audience === 'staff' && (
        <Text className="ll-complaint-detail__meta" data-testid="complaint-sender">
          提交人：
          {complaint.sender
            ? `${complaint.sender.name}${complaint.sender.phone ? ` · ${complaint.sender.phone}` : ''}`
            : '匿名（仅处理人可见）'}
        </Text>
      )}
      <Text className="ll-complaint-detail__meta">处理人：{complaint.handlerName ?? '未指派'}</Text>
      <Text className="ll-complaint-detail__text">{complaint.text}</Text>
      {complaint.photoUrls.length > 0 && (
        <View className="ll-complaint-detail__photos">
          {complaint.photoUrls.map((url) => (
            <Image key={url} className="ll-complaint-detail__photo" src={url} mode="aspectFill" />
          ))}
        </View>
      )}
      {(complaint.urgency === 'overdue' || complaint.urgency === 'due_soon' || complaint.urgency === 'waiting') && (
        <Text className={`ll-complaint-detail__due${overdue ? ' ll-complaint-detail__due--overdue' : ''}`}>
          {deadlineText(complaint)}
        </Text>
      )}
      {complaint.reply && (
        <View className="ll-complaint-detail__reply" data-testid="complaint-reply">
          <Text className="ll-complaint-detail__reply-heading">
            答复{complaint.repliedAt ? ` · ${formatMoment(complaint.repliedAt)}` : ''}
          </Text>
          <Text className="ll-complaint-detail__reply-text">{complaint.reply}</Text>
        </View>
      )}
    </View>
  );
}
