import Taro from '@tarojs/taro';

/**
 * The sign-in code a QR opened the app with. WeChat hands a mini-program code's `scene` to the
 * page URL-encoded (`options.scene`); the H5 link `<origin>/#/pages/checkin/index?scene=<token>`
 * carries it encoded as well. Tokens never contain `%` (see the token alphabet in
 * cloudfunctions/_shared/domain/signin-token.ts), so decoding once is safe either way.
 */
export function sceneToken(raw: string | undefined): string | null {
  if (!raw) return null;
  let token = raw;
  try {
    token = decodeURIComponent(raw);
  } catch {
    // not encoded after all: use it as it came
  }
  token = token.trim();
  return token ? token : null;
}

/**
 * On H5, a person who is not logged in is sent to the login page and from there to 首页, which
 * would lose the scanned code. The scan page keeps it here first; 首页 takes it back and reopens
 * the scan page. Only for a few minutes: a token lives about a minute, and an old code should not
 * surprise someone the next day (the scan page then explains "二维码已更新").
 */
const STORAGE_KEY = 'linli.pendingScene';
const KEEP_MS = 10 * 60 * 1000;

interface Pending {
  scene: string;
  savedAt: number;
}

export const pendingScene = {
  keep(scene: string): void {
    Taro.setStorageSync(STORAGE_KEY, { scene, savedAt: Date.now() } satisfies Pending);
  },
  clear(): void {
    Taro.removeStorageSync(STORAGE_KEY);
  },
  /** The kept scene, if recent; it is forgotten either way. */
  take(): string | null {
    const pending = Taro.getStorageSync(STORAGE_KEY) as Pending | '';
    if (!pending) return null;
    Taro.removeStorageSync(STORAGE_KEY);
    return Date.now() - pending.savedAt <= KEEP_MS ? pending.scene : null;
  },
};
