import { Text, View } from '@tarojs/components';
import { formatTimeRange } from '@/services/activity-time';
import './index.scss';

export interface SessionSwitcherProps {
  session: { index: number; count: number; startAt: string; endAt: string };
  onPick: (index: number) => void;
}

/**
 * Which session of a 小组 a staff page is about: the roster, the paper list and the sign-in sheet
 * are per session, the members the same all series long.
 */
export default function SessionSwitcher({ session, onPick }: SessionSwitcherProps) {
  const { index, count } = session;
  return (
    <View className="ll-session-switcher" aria-label="选择节次">
      <View
        className={`ll-session-switcher__step${index > 1 ? '' : ' ll-session-switcher__step--off'}`}
        role="button"
        aria-disabled={index <= 1}
        onClick={() => index > 1 && onPick(index - 1)}
      >
        ‹ 上一节
      </View>
      <View className="ll-session-switcher__now">
        <Text className="ll-session-switcher__title">
          第{index}节（共{count}节）
        </Text>
        <Text className="ll-session-switcher__time">{formatTimeRange(session.startAt, session.endAt)}</Text>
      </View>
      <View
        className={`ll-session-switcher__step${index < count ? '' : ' ll-session-switcher__step--off'}`}
        role="button"
        aria-disabled={index >= count}
        onClick={() => index < count && onPick(index + 1)}
      >
        下一节 ›
      </View>
    </View>
  );
}
