import { Image, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import {
  HOUR_FLAG_LABELS,
  HOUR_SOURCE_LABELS,
  HOUR_STATUS_LABELS,
  type HourEntryView,
} from '@linli/types/entities/hours';
import StatusBadge, { type BadgeTone } from '@/components/status-badge';
import { formatClock, formatDay, formatMoment, formatTimeRange } from '@/services/activity-time';
import './index.scss';

type Flag = NonNullable<HourEntryView['flag']>;
type Status = HourEntryView['status'];

/** What a flag means and what the social worker should do about it. */
export const FLAG_EXPLANATIONS: Record<Flag, string> = {
  MISSING_SIGN_OUT: '志愿者签到后没有签退，系统不估算时长。请核实实际结束时间后「更正」；没有服务的请「不通过」。',
  SIGN_OUT_BEFORE_SIGN_IN: '签退时间早于签到时间，扫码记录有误。请核实实际服务时间后「更正」。',
  OUTSIDE_WINDOW: '签到、签退时间不在活动时间内。请核实实际服务时间后「更正」，或「不通过」。',
};

export const STATUS_TONES: Record<Status, BadgeTone> = {
  pending: 'warning',
  approved: 'accent',
  rejected: 'danger',
  superseded: 'muted',
};

/** `11月23日 周一 09:00–10:30`; a shift without a sign-out: `11月23日 周一 09:00 签到，未签退`. */
export function servedTime(entry: Pick<HourEntryView, 'startAt' | 'endAt' | 'servedAt'>): string {
  if (entry.startAt && entry.endAt) return formatTimeRange(entry.startAt, entry.endAt);
  if (entry.startAt) return `${formatMoment(entry.startAt)} 签到，未签退`;
  return formatDay(entry.servedAt);
}

/** `1.50 小时`, or 待核实 while a flag keeps the number at zero. */
export function hoursText(entry: Pick<HourEntryView, 'flag' | 'hours'>): string {
  return entry.flag ? '时长待核实' : `${entry.hours} 小时`;
}

export interface HourEntryCardProps {
  entry: HourEntryView;
  /** Offers the entry for 批量通过: a checkbox in front of the name. */
  selectable?: boolean;
  selected?: boolean;
  onToggle?: () => void;
  /** Why the last approval of this entry was refused (SELF_APPROVAL …). */
  refusal?: string;
  /** The buttons under the entry (不通过, 更正, 查看记录 …). */
  children?: ReactNode;
  /** Shown under the buttons: the correction form, the history. */
  below?: ReactNode;
}

/**
 * One hour entry as staff review it: who, what, when, how long, from where (扫码 / 社工录入 /
 * 本人申报), its state — and what needs a person: the flag explained, the volunteer's request
 * for a correction, the refusal of an approval.
 */
export default function HourEntryCard({
  entry,
  selectable,
  selected,
  onToggle,
  refusal,
  children,
  below,
}: HourEntryCardProps) {
  const request = entry.correctionRequest;
  return (
    <View
      className={`ll-hour-entry${entry.flag ? ' ll-hour-entry--flagged' : ''}${selected ? ' ll-hour-entry--selected' : ''}`}
      data-testid="hour-entry"
    >
      <View className="ll-hour-entry__head">
        {selectable && (
          <View
            className={`ll-hour-entry__check${selected ? ' ll-hour-entry__check--on' : ''}`}
            role="checkbox"
            aria-checked={!!selected}
            aria-label={`选择${entry.volunteerName}的时长`}
            onClick={onToggle}
          >
            {selected ? '✓' : ''}
          </View>
        )}
        <Text className="ll-hour-entry__name">{entry.volunteerName}</Text>
        <StatusBadge text={HOUR_STATUS_LABELS[entry.status]} tone={STATUS_TONES[entry.status]} />
      </View>
      <Text className="ll-hour-entry__content">
        {entry.content} · {HOUR_SOURCE_LABELS[entry.source]}
        {entry.version > 1 ? ` · 第${entry.version}版` : ''}
      </Text>
      <Text className="ll-hour-entry__time">{servedTime(entry)}</Text>
      <Text className={`ll-hour-entry__hours${entry.flag ? ' ll-hour-entry__hours--flagged' : ''}`}>
        {hoursText(entry)}
      </Text>
      {entry.flag && (
        <View className="ll-hour-entry__flag" role="note">
          <Text className="ll-hour-entry__flag-title">需核实：{HOUR_FLAG_LABELS[entry.flag]}</Text>
          <Text className="ll-hour-entry__flag-text">{FLAG_EXPLANATIONS[entry.flag]}</Text>
        </View>
      )}
      {request && request.answer === 'open' && (
        <View className="ll-hour-entry__request" role="note">
          <Text className="ll-hour-entry__request-title">
            志愿者申请更正（{formatDay(request.requestedAt)} {formatClock(request.requestedAt)}）
          </Text>
          <Text className="ll-hour-entry__request-text">{request.reason}</Text>
        </View>
      )}
      {entry.note && <Text className="ll-hour-entry__note">说明：{entry.note}</Text>}
      {entry.photoUrl && (
        <Image className="ll-hour-entry__photo" src={entry.photoUrl} mode="aspectFill" aria-label="服务照片" />
      )}
      {refusal && (
        <View className="ll-hour-entry__refusal" role="alert">
          未能通过：{refusal}
        </View>
      )}
      {children && <View className="ll-hour-entry__actions">{children}</View>}
      {below}
    </View>
  );
}
