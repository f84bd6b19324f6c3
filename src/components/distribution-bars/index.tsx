import { Text, View } from '@tarojs/components';
import type { QuestionResult } from '@linli/types/entities/survey';
import './index.scss';

/**
 * One question's answers as horizontal bars: each rating (5 down to 1) or option with its count
 * and its share of those who answered the question.
 */
export default function DistributionBars({ result }: { result: QuestionResult }) {
  return (
    <View className="ll-distribution-bars" role="list" aria-label={result.title}>
      {result.distribution.map((row) => (
        <View key={row.key} className="ll-distribution-bars__row" role="listitem">
          <Text className="ll-distribution-bars__label">{row.label}</Text>
          <View className="ll-distribution-bars__track">
            <View
              className="ll-distribution-bars__fill"
              style={{ width: `${row.share ? Number.parseFloat(row.share) : 0}%` }}
            />
          </View>
          <Text className="ll-distribution-bars__count">
            {row.count}人{row.share ? ` ${row.share}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
