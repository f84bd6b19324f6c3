import Taro from '@tarojs/taro';

/**
 * 长辈模式: larger type, larger buttons, fewer items per screen. A setting of this phone (kept in
 * Taro storage), not of the account: a grandchild may set it up on a grandparent's phone.
 * Pages read it through useElderMode(); PageShell puts the `ll-elder` class on the page root.
 */
const STORAGE_KEY = 'linli.elderMode';
const listeners = new Set<() => void>();

let cached: boolean | null = null;

function read(): boolean {
  if (cached === null) cached = Taro.getStorageSync(STORAGE_KEY) === true;
  return cached;
}

export const elderMode = {
  get: (): boolean => read(),
  set(on: boolean): void {
    cached = on;
    Taro.setStorageSync(STORAGE_KEY, on);
    listeners.forEach((listener) => listener());
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  /** Tests start from storage again (the cache would otherwise outlive a cleared storage). */
  forget(): void {
    cached = null;
  },
};
