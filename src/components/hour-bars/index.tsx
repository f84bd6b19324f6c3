import { Text, View } from '@tarojs/components';
import './index.scss';

export interface HourBucket {
  label: string;
  /** Two decimals, as the function answers ("12.50"). */
  hours: string;
}

/**
 * Hours per month, team or service as plain horizontal bars: a picture reads faster than a table.
 * The bars are only the picture; the figures beside them are the function's own, never recomputed.
 */
export default function HourBars({ buckets, empty }: { buckets: readonly HourBucket[]; empty: string }) {
  if (buckets.length === 0) return <Text className="ll-hour-bars__empty">{empty}</Text>;
  const most = Math.max(...buckets.map((bucket) => Number(bucket.hours) || 0));
  return (
    <View className="ll-hour-bars" role="list">
      {buckets.map((bucket) => {
        const share = most > 0 ? Math.max(2, Math.round(((Number(bucket.hours) || 0) / most) * 100)) : 2;
        return (
          <View
            key={bucket.label}
            className="ll-hour-bars__row"
            role="listitem"
            aria-label={`${bucket.label} ${bucket.hours}小时`}
          >
            <Text className="ll-hour-bars__label">{bucket.label}</Text>
            <View className="ll-hour-bars__track">
              <View className="ll-hour-bars__bar" style={{ width: `${share}%` }} />
            </View>
            <Text className="ll-hour-bars__value">{bucket.hours}</Text>
          </View>
        );
      })}
    </View>
  );
}
