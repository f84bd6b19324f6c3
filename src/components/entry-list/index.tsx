import { View } from '@tarojs/components';
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell';
import CellGroup from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import './index.scss';

export interface EntryItem {
  key: string;
  title: string;
  description?: string;
  onClick: () => void;
  /** Draws the row in the danger colour (退出). */
  danger?: boolean;
}

/** A list of places to go (我的 page, workbench), each a full-width row with an arrow. */
export default function EntryList({ items }: { items: readonly EntryItem[] }) {
  return (
    <View className="ll-entry-list">
      <CellGroup>
        {items.map((item) => (
          <Cell
            key={item.key}
            className={item.danger ? 'll-entry-list__row ll-entry-list__row--danger' : 'll-entry-list__row'}
            title={item.title}
            description={item.description}
            extra="›"
            clickable
            onClick={item.onClick}
          />
        ))}
      </CellGroup>
    </View>
  );
}
