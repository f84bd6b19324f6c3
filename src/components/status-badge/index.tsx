import { Text } from '@tarojs/components';
import './index.scss';

export type BadgeTone = 'primary' | 'accent' | 'warning' | 'danger' | 'muted';

export interface StatusText {
  text: string;
  tone: BadgeTone;
}

/** A short status in a coloured pill: 已报名, 候补第2位, 已签到 14:02, 已取消 … */
export default function StatusBadge({ text, tone }: StatusText) {
  return <Text className={`ll-status-badge ll-status-badge--${tone}`}>{text}</Text>;
}
