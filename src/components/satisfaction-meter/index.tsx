import { Text, View } from '@tarojs/components';
import type { Satisfaction } from '@linli/types/entities/survey';
import StatusBadge from '@/components/status-badge';
import './index.scss';

/** The contract's minimum (seed 002): drawn as a line on every meter. */
export const REQUIRED_RATE_PERCENT = 80;

export interface SatisfactionMeterProps {
  satisfaction: Satisfaction;
  /** What it is the rate of (本站, 讲座, 东片 …); the big number when absent. */
  label?: string;
  compact?: boolean;
}

/**
 * A satisfaction rate as a bar against the contract's 80% line: the rate the function computed
 * (two decimals, rounded half up), whether it meets the requirement, and the counts behind it.
 */
export default function SatisfactionMeter({ satisfaction, label, compact = false }: SatisfactionMeterProps) {
  const { rate, meetsTarget, rated, satisfied, respondents } = satisfaction;
  const width = rate ? Math.min(100, Number.parseFloat(rate)) : 0;
  return (
    <View
      className={`ll-satisfaction-meter${compact ? ' ll-satisfaction-meter--compact' : ''}`}
      aria-label={`${label ?? ''}满意率 ${rate ?? '暂无'}`}
    >
      <View className="ll-satisfaction-meter__head">
        {label && <Text className="ll-satisfaction-meter__label">{label}</Text>}
        <Text className="ll-satisfaction-meter__rate">{rate ?? '暂无'}</Text>
        {meetsTarget !== null && (
          <StatusBadge
            text={meetsTarget ? `达到${REQUIRED_RATE_PERCENT}%` : `低于${REQUIRED_RATE_PERCENT}%`}
            tone={meetsTarget ? 'accent' : 'danger'}
          />
        )}
      </View>
      <View className="ll-satisfaction-meter__track">
        <View
          className={`ll-satisfaction-meter__fill${meetsTarget === false ? ' ll-satisfaction-meter__fill--low' : ''}`}
          style={{ width: `${width}%` }}
        />
        <View className="ll-satisfaction-meter__line" style={{ left: `${REQUIRED_RATE_PERCENT}%` }} />
      </View>
      <Text className="ll-satisfaction-meter__counts">
        满意或非常满意 {satisfied} 人 / 回答总体满意度 {rated} 人
        {respondents > rated ? `（另有 ${respondents - rated} 份未答此题）` : ''}
        {compact ? '' : ` · 红线为合同要求 ${REQUIRED_RATE_PERCENT}%`}
      </Text>
    </View>
  );
}
