import { Text, View } from '@tarojs/components';
import {
  HOUR_FLAG_LABELS,
  HOUR_SOURCE_LABELS,
  HOUR_STATUS_LABELS,
  type HourEntryView,
} from '@linli/types/entities/hours';
import StatusBadge, { type StatusText } from '@/components/status-badge';
import { formatClock, formatDay } from '@/services/activity-time';
import './index.scss';

const STATUS_TONES = {
  pending: 'warning',
  approved: 'accent',
  rejected: 'danger',
  superseded: 'muted',
} as const;

/** 待审核 / 已通过 / 未通过 / 已更正, and 需核实：缺少签退 when the scans did not add up. */
export function entryBadges(entry: Pick<HourEntryView, 'status' | 'flag'>): StatusText[] {
  const badges: StatusText[] = [{ text: HOUR_STATUS_LABELS[entry.status], tone: STATUS_TONES[entry.status] }];
  if (entry.flag) badges.push({ text: `需核实：${HOUR_FLAG_LABELS[entry.flag]}`, tone: 'danger' });
  return badges;
}

/** `11月23日 周一 14:00–15:30`, or the day alone when the entry has no times. */
export function entryWhen(entry: Pick<HourEntryView, 'servedAt' | 'startAt' | 'endAt'>): string {
  const day = formatDay(entry.startAt ?? entry.servedAt);
  if (!entry.startAt || !entry.endAt) return day;
  return `${day} ${formatClock(entry.startAt)}–${formatClock(entry.endAt)}`;
}

/** `1.50 小时`; a flagged entry has no hours yet, only a person can say what they are. */
export function entryHours(entry: Pick<HourEntryView, 'flag' | 'hours'>): string {
  return entry.flag ? '待核实' : `${entry.hours} 小时`;
}

/** Why the social worker did not approve it (the latest rejection's reason). */
export function rejectionReason(entry: Pick<HourEntryView, 'status' | 'history'>): string | null {
  if (entry.status !== 'rejected') return null;
  const rejected = [...entry.history].reverse().find((event) => event.action === 'rejected');
  return rejected?.reason ?? null;
}

/** The volunteer's correction request and its answer, in one line; null when there is none. */
export function correctionLine(entry: Pick<HourEntryView, 'correctionRequest'>): string | null {
  const request = entry.correctionRequest;
  if (!request) return null;
  if (request.answer === 'open') return `已申请更正（${request.reason}），等待社工处理`;
  if (request.answer === 'corrected') return `更正申请：已更正${request.answerNote ? `。${request.answerNote}` : ''}`;
  return `更正申请未被采纳${request.answerNote ? `：${request.answerNote}` : ''}`;
}

export interface HourRecordCardProps {
  entry: HourEntryView;
  onClick?: () => void;
}

/** One service record in 我的服务时长: what, when, hours, its state, and what was said about it. */
export default function HourRecordCard({ entry, onClick }: HourRecordCardProps) {
  const reason = rejectionReason(entry);
  const correction = correctionLine(entry);
  return (
    <View className="ll-hour-record" data-testid="hour-record" role={onClick ? 'button' : undefined} onClick={onClick}>
      <View className="ll-hour-record__head">
        <Text className="ll-hour-record__content">{entry.content}</Text>
        <Text className={`ll-hour-record__hours${entry.flag ? ' ll-hour-record__hours--flagged' : ''}`}>
          {entryHours(entry)}
        </Text>
      </View>
      <Text className="ll-hour-record__meta">
        {entryWhen(entry)} · {HOUR_SOURCE_LABELS[entry.source]}
      </Text>
      <View className="ll-hour-record__badges">
        {entryBadges(entry).map((badge) => (
          <StatusBadge key={badge.text} {...badge} />
        ))}
      </View>
      {entry.flag && <Text className="ll-hour-record__note">社工核实签到签退时间后，会更正并计入时长。</Text>}
      {reason && <Text className="ll-hour-record__note ll-hour-record__note--danger">未通过原因：{reason}</Text>}
      {correction && <Text className="ll-hour-record__note">{correction}</Text>}
      {onClick && <Text className="ll-hour-record__more">查看记录 ›</Text>}
    </View>
  );
}
