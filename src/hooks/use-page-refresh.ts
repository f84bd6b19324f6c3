import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Loads a list again when the person comes back to the page (from a detail page where they
 * booked or cancelled, from the form where they published) and when they pull it down. Not on
 * the first showing: the page's own load is running then. The page's config must set
 * `enablePullDownRefresh` for the pull.
 */
export function usePageRefresh(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
}
