import type { Activity } from '@linli/types/entities/activity';
import type { StatusText } from '@/components/status-badge';

/** Where an activity stands, for the staff list: 即将开始 / 进行中 / 已结束 / 已取消. */
export function activityPhase(activity: Pick<Activity, 'status' | 'startAt' | 'endAt'>, now: Date): StatusText {
  if (activity.status === 'cancelled') return { text: '已取消', tone: 'danger' };
  const time = now.getTime();
  if (time >= Date.parse(activity.endAt)) return { text: '已结束', tone: 'muted' };
  if (time >= Date.parse(activity.startAt)) return { text: '进行中', tone: 'accent' };
  return { text: '即将开始', tone: 'primary' };
}
