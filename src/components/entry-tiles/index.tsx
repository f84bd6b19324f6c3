import { Text, View } from '@tarojs/components';
import StatusBadge, { type StatusText } from '@/components/status-badge';
import './index.scss';

export interface EntryTile {
  key: string;
  title: string;
  description: string;
  onClick: () => void;
  /** Draws the tile in the accent colour (e.g. the staff workbench). */
  highlight?: boolean;
  /** A count that needs attention (意见反馈: 2 条已超时), under the title. */
  badge?: StatusText;
}

/** Big square entries for the home page: one tap, one place. */
export default function EntryTiles({ items }: { items: readonly EntryTile[] }) {
  return (
    <View className="ll-entry-tiles">
      {items.map((item) => (
        <View
          key={item.key}
          className={`ll-entry-tiles__tile${item.highlight ? ' ll-entry-tiles__tile--highlight' : ''}`}
          role="button"
          onClick={item.onClick}
        >
          <Text className="ll-entry-tiles__title">{item.title}</Text>
          {item.badge && (
            <View className="ll-entry-tiles__badge">
              <StatusBadge {...item.badge} />
            </View>
          )}
          <Text className="ll-entry-tiles__text">{item.description}</Text>
        </View>
      ))}
    </View>
  );
}
