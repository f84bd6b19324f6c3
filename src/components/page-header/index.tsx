import { Text, View } from '@tarojs/components';
import './index.scss';

/** A page's own heading under the navigation bar, with an optional line of explanation. */
export default function PageHeader({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <View className="ll-page-header">
      <Text className="ll-page-header__title">{title}</Text>
      {subtitle && <Text className="ll-page-header__subtitle">{subtitle}</Text>}
    </View>
  );
}
