import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/**
 * Keeps the phone's screen from dimming while this page is open (the sign-in code at the door).
 * Best effort: H5 browsers have no such switch, and a refusal changes nothing else.
 */
export function useKeepScreenOn(): void {
  useEffect(() => {
    const set = (keepScreenOn: boolean) => {
      try {
        void Taro.setKeepScreenOn({ keepScreenOn }).catch(() => undefined);
      } catch {
        // not available on this platform
      }
    };
    set(true);
    return () => set(false);
  }, []);
}
