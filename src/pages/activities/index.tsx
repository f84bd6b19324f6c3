import { View } from '@tarojs/components';
import { EmptyState } from '@/components/state-views';

/** 活动. The activities feature replaces this page's content when it lands. */
export default function ActivitiesPage() {
  return (
    <View className="page">
      <EmptyState title="暂无可预约的活动" description="社工发布新活动后，会在这里显示。" />
    </View>
  );
}
