import { localPlatform } from './local';
import type { PlatformServices } from './types';
import { wechatPlatform } from './wechat';

export type { PlatformServices } from './types';

/** The local runtime sets LINLI_PLATFORM=local; in the WeChat cloud it is unset. */
export const platform = (): PlatformServices =>
  process.env.LINLI_PLATFORM === 'local' ? localPlatform : wechatPlatform;
