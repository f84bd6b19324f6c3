/**
 * A test double for `@tarojs/taro` (test/components/jest.project.js maps the module here).
 * In-memory storage; `request` answers through a handler the test sets; navigation, toast and
 * clipboard calls are recorded by jest spies. `resetTaro()` runs after every test.
 *
 * Tests import `taro` from this file to steer it; the code under test imports `@tarojs/taro`
 * and gets the same module.
 */

export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
export interface RequestAnswer {
  statusCode: number;
  data: unknown;
}
type RequestHandler = (options: RequestOptions) => RequestAnswer | Promise<RequestAnswer>;

const storage = new Map<string, unknown>();
let requestHandler: RequestHandler = (options) => {
  throw new Error(`unexpected Taro.request to ${options.url}: set taro.onRequest(...) in the test`);
};
/** What `getCurrentPages()` answers: by default one page open. */
let pageStack: { route: string }[] = [{ route: 'pages/index/index' }];

const resolved = () => Promise.resolve({ errMsg: 'ok' });

export const getStorageSync = (key: string): unknown => (storage.has(key) ? storage.get(key) : '');
export const setStorageSync = (key: string, value: unknown): void => {
  storage.set(key, value);
};
export const removeStorageSync = (key: string): void => {
  storage.delete(key);
};
export const clearStorageSync = (): void => storage.clear();

export const request = jest.fn(async (options: RequestOptions) => requestHandler(options));

export const navigateTo = jest.fn((_options: { url: string }) => resolved());
export const redirectTo = jest.fn((_options: { url: string }) => resolved());
export const switchTab = jest.fn((_options: { url: string }) => resolved());
export const reLaunch = jest.fn((_options: { url: string }) => resolved());
export const navigateBack = jest.fn((_options?: { delta?: number }) => resolved());
export const getCurrentPages = jest.fn(() => pageStack);

export const showToast = jest.fn((_options: { title: string; icon?: string; duration?: number }) => resolved());
export const hideToast = jest.fn(() => resolved());
export const showLoading = jest.fn(() => resolved());
export const hideLoading = jest.fn(() => resolved());
export const showModal = jest.fn(() => Promise.resolve({ confirm: true, cancel: false }));
export const setClipboardData = jest.fn((_options: { data: string }) => resolved());

/** Photos: what the person "picks" is set per test (`chooseMedia.mockResolvedValueOnce(…)`); by default they cancel. */
interface ChosenMedia {
  tempFiles: { tempFilePath: string; size: number; originalFileObj?: Blob }[];
}
const pickNothing = (_options: { count?: number; mediaType?: string[]; sourceType?: string[]; sizeType?: string[] }) =>
  Promise.reject({ errMsg: 'chooseMedia:fail cancel' }) as Promise<ChosenMedia>;
const compressToJpeg = (options: { src: string; quality?: number }) =>
  Promise.resolve({ tempFilePath: `${options.src}.compressed.jpg`, errMsg: 'ok' });
export const chooseMedia = jest.fn(pickNothing);
export const compressImage = jest.fn(compressToJpeg);
export const previewImage = jest.fn((_options: { current?: string; urls: string[] }) => resolved());

/** Taro.cloud.uploadFile with callbacks: the test settles it through the options it was called with. */
export interface CloudUploadCall {
  cloudPath: string;
  filePath: string;
  success?: (result: { fileID: string }) => void;
  fail?: (error: { errMsg: string }) => void;
}
/** Receives the progress listener each upload task registers. */
export const cloudUploadProgress = jest.fn();
const startUploadTask = (_options: CloudUploadCall) => ({
  onProgressUpdate: (listener: (update: { progress: number }) => void) => cloudUploadProgress(listener),
});
export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(() => Promise.reject(new Error('Taro.cloud is not available in component tests'))),
  uploadFile: jest.fn(startUploadTask),
};

// What NutUI and Taro's H5 components read from Taro at render time.
export const ENV_TYPE = {
  WEAPP: 'WEAPP',
  WEB: 'WEB',
  RN: 'RN',
  SWAN: 'SWAN',
  ALIPAY: 'ALIPAY',
  TT: 'TT',
  QQ: 'QQ',
  JD: 'JD',
  HARMONY: 'HARMONY',
};
export const getEnv = (): string => ENV_TYPE.WEB;
export const pxTransform = (size: number): string => `${size / 2}px`;
export const nextTick = (fn: () => void): void => {
  setTimeout(fn, 0);
};
export const canIUse = (): boolean => false;
export const getSystemInfoSync = () => ({
  windowWidth: 375,
  windowHeight: 667,
  screenWidth: 375,
  screenHeight: 667,
  pixelRatio: 2,
  platform: 'devtools',
  statusBarHeight: 20,
  safeArea: { top: 20, bottom: 667, left: 0, right: 375, width: 375, height: 647 },
});
export const getWindowInfo = getSystemInfoSync;
export const getSystemInfo = () => Promise.resolve(getSystemInfoSync());
export const getMenuButtonBoundingClientRect = () => ({
  top: 24,
  bottom: 56,
  left: 281,
  right: 368,
  width: 87,
  height: 32,
});

interface SelectorQuery {
  select: () => SelectorQuery;
  selectAll: () => SelectorQuery;
  selectViewport: () => SelectorQuery;
  boundingClientRect: (callback?: (rect: unknown) => void) => SelectorQuery;
  scrollOffset: (callback?: (rect: unknown) => void) => SelectorQuery;
  fields: (_fields: unknown, callback?: (rect: unknown) => void) => SelectorQuery;
  exec: (callback?: (result: unknown[]) => void) => void;
  in: () => SelectorQuery;
}
export const createSelectorQuery = (): SelectorQuery => {
  const rect = { width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 };
  const query: SelectorQuery = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    boundingClientRect: (callback) => {
      callback?.(rect);
      return query;
    },
    scrollOffset: (callback) => {
      callback?.({ scrollTop: 0, scrollLeft: 0 });
      return query;
    },
    fields: (_fields, callback) => {
      callback?.(rect);
      return query;
    },
    exec: (callback) => callback?.([rect]),
    in: () => query,
  };
  return query;
};

export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() };
export const getCurrentInstance = () => ({
  router: { params: {}, path: '/' + (pageStack.at(-1)?.route ?? '') },
  page: {},
});

// Page and app lifecycle hooks: pages under test are rendered directly, so they never fire,
// except useLoad/useReady, which run once on mount like they do on a real page.
const noopHook = (_callback?: (...args: unknown[]) => void): void => undefined;
export const useLaunch = noopHook;
export const useDidShow = noopHook;
export const useDidHide = noopHook;
export const usePullDownRefresh = noopHook;
export const useReachBottom = noopHook;
export const usePageScroll = noopHook;
export const useShareAppMessage = noopHook;
export const useUnload = noopHook;
export const useRouter = () => getCurrentInstance().router;

export const taro = {
  /** Answer every `Taro.request` with this handler (URL, method, data, header in `options`). */
  onRequest(handler: RequestHandler): void {
    requestHandler = handler;
  },
  setPageStack(routes: string[]): void {
    pageStack = routes.map((route) => ({ route }));
  },
  storage,
};

/** Forget storage, handlers and recorded calls between tests. */
export function resetTaro(): void {
  storage.clear();
  pageStack = [{ route: 'pages/index/index' }];
  requestHandler = (options) => {
    throw new Error(`unexpected Taro.request to ${options.url}: set taro.onRequest(...) in the test`);
  };
  [
    request,
    navigateTo,
    redirectTo,
    switchTab,
    reLaunch,
    navigateBack,
    getCurrentPages,
    showToast,
    hideToast,
    showLoading,
    hideLoading,
    showModal,
    setClipboardData,
    cloud.init,
    cloud.callFunction,
  ].forEach((spy) => spy.mockClear());
  // Photo doubles carry per-test answers (mockResolvedValueOnce): forget those too.
  chooseMedia.mockReset().mockImplementation(pickNothing);
  compressImage.mockReset().mockImplementation(compressToJpeg);
  previewImage.mockClear();
  cloud.uploadFile.mockReset().mockImplementation(startUploadTask);
  cloudUploadProgress.mockReset();
}

const Taro = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  request,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  getCurrentPages,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  setClipboardData,
  chooseMedia,
  compressImage,
  previewImage,
  cloud,
  ENV_TYPE,
  getEnv,
  pxTransform,
  nextTick,
  canIUse,
  getSystemInfoSync,
  getWindowInfo,
  getSystemInfo,
  getMenuButtonBoundingClientRect,
  createSelectorQuery,
  eventCenter,
  getCurrentInstance,
};
export default Taro;
