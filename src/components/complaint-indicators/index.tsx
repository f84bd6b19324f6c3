import { Text, View } from '@tarojs/components';
import { COMPLAINT_CATEGORY_LABELS } from '@linli/types/entities/complaint';
import { useAsync } from '@/hooks/use-async';
import { inStation } from '@/services/dayjs';
import { call } from '@/services/api';
import './index.scss';

/** This month so far, in station time: `2026-11-01` … today. */
export function thisMonth(now: Date = new Date()): { fromDate: string; toDate: string } {
  const today = inStation(now);
  return { fromDate: today.startOf('month').format('YYYY-MM-DD'), toDate: today.format('YYYY-MM-DD') };
}

/**
 * 本月反馈: how many opinions, suggestions and complaints came in this month, and the share
 * answered within 2 days (意见处理及时率) — the figures the evaluators ask for.
 */
export default function ComplaintIndicators() {
  const period = thisMonth();
  const figures = useAsync(() => call('feedback', 'indicators', period), [period.fromDate, period.toDate]);
  if (!figures.data) return null;
  const { byCategory, total, inTimeRate, judged, answeredInTime } = figures.data;
  return (
    <View className="ll-complaint-indicators" data-testid="complaint-indicators">
      <Text className="ll-complaint-indicators__heading">本月反馈</Text>
      <View className="ll-complaint-indicators__row">
        {(['opinion', 'suggestion', 'complaint'] as const).map((category) => (
          <View key={category} className="ll-complaint-indicators__cell">
            <Text className="ll-complaint-indicators__number">{byCategory[category]}</Text>
            <Text className="ll-complaint-indicators__label">{COMPLAINT_CATEGORY_LABELS[category]}</Text>
          </View>
        ))}
        <View className="ll-complaint-indicators__cell">
          <Text className="ll-complaint-indicators__number">{inTimeRate ?? '—'}</Text>
          <Text className="ll-complaint-indicators__label">2天内答复</Text>
        </View>
      </View>
      <Text className="ll-complaint-indicators__note">
        共 {total} 条；已到期或已答复的 {judged} 条中，{answeredInTime} 条在2天内答复。
      </Text>
    </View>
  );
}
