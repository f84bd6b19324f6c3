import { Text, View } from '@tarojs/components';
import { useElderMode } from '@/hooks/use-elder-mode';
import { elderMode } from '@/services/elder-mode';
import './index.scss';

/**
 * The 长辈模式 switch in 我的: the whole row is the switch (a large target), and the change shows
 * at once on this page and every other page that follows the setting.
 */
export default function ElderSwitch() {
  const on = useElderMode();
  return (
    <View
      className={`ll-elder-switch${on ? ' ll-elder-switch--on' : ''}`}
      role="switch"
      aria-checked={on}
      aria-label="长辈模式"
      onClick={() => elderMode.set(!on)}
    >
      <View className="ll-elder-switch__text">
        <Text className="ll-elder-switch__title">长辈模式</Text>
        <Text className="ll-elder-switch__hint">字更大、按钮更大，一屏显示的内容更少</Text>
      </View>
      <View className="ll-elder-switch__track">
        <View className="ll-elder-switch__knob" />
      </View>
    </View>
  );
}
