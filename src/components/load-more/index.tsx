import { Text, View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { PagedList } from '@/hooks/use-paged-list';
import './index.scss';

/** The end of a paged list: 加载更多 while there is more, the error of a failed page, or 没有更多了. */
export default function LoadMore({
  list,
}: {
  list: Pick<PagedList<unknown>, 'hasMore' | 'loadingMore' | 'error' | 'loadMore'>;
}) {
  return (
    <View className="ll-load-more">
      {list.error && (
        <View className="ll-load-more__error" role="alert">
          {list.error.message}
        </View>
      )}
      {list.hasMore ? (
        <Button
          type="primary"
          fill="outline"
          block
          loading={list.loadingMore}
          disabled={list.loadingMore}
          onClick={list.loadMore}
        >
          加载更多
        </Button>
      ) : (
        <Text className="ll-load-more__end">没有更多了</Text>
      )}
    </View>
  );
}
