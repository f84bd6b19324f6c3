import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import './index.scss';

export interface PaperListItem {
  key: string;
  name: string;
  /** 社区 · 尾号 · 已报名 / 新登记: enough to tell two people of the same name apart. */
  meta: string;
}

export interface PaperListProps {
  items: readonly PaperListItem[];
  onRemove: (key: string) => void;
}

/**
 * The people copied from a paper sign-in sheet so far, before they are sent: each can be taken
 * off again, since nothing is recorded until the whole list is submitted.
 */
export default function PaperList({ items, onRemove }: PaperListProps) {
  if (items.length === 0) {
    return <Text className="ll-paper-list__empty">还没有加入任何人：先查找居民，或登记新居民</Text>;
  }
  return (
    <View className="ll-paper-list">
      {items.map((item) => (
        <View key={item.key} className="ll-paper-list__row" data-testid="paper-entry">
          <View className="ll-paper-list__who">
            <Text className="ll-paper-list__name">{item.name}</Text>
            {item.meta && <Text className="ll-paper-list__meta">{item.meta}</Text>}
          </View>
          <Button size="small" type="danger" fill="outline" onClick={() => onRemove(item.key)}>
            移除
          </Button>
        </View>
      ))}
    </View>
  );
}
