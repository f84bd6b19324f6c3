import Taro from '@tarojs/taro';
import type { Envelope } from '@linli/types/envelope';

/**
 * How a call reaches a cloud function. On WeChat the platform carries the caller's identity;
 * on H5 the local runtime does, from the dev-login token. Nothing else in the app knows which.
 */
export interface Transport {
  call(fn: string, body: { action: string; input: unknown; requestId?: string }): Promise<Envelope<unknown>>;
}

const TOKEN_KEY = 'linli.devToken';

export const devToken = {
  get: (): string | null => (Taro.getStorageSync(TOKEN_KEY) as string) || null,
  set: (token: string): void => Taro.setStorageSync(TOKEN_KEY, token),
  clear: (): void => Taro.removeStorageSync(TOKEN_KEY),
};

export const cloudTransport: Transport = {
  async call(fn, body) {
    const res = await Taro.cloud.callFunction({ name: fn, data: body });
    return res.result as Envelope<unknown>;
  },
};

/** Base URL of the local runtime; same origin unless the build says otherwise. */
export const apiBase = (): string => process.env.TARO_APP_API_BASE || '';

export const httpTransport: Transport = {
  async call(fn, body) {
    const token = devToken.get();
    const res = await Taro.request<Envelope<unknown>>({
      url: `${apiBase()}/api/${fn}`,
      method: 'POST',
      data: body,
      header: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    });
    return res.data;
  },
};

export async function httpGet<T>(path: string): Promise<T> {
  const res = await Taro.request<T>({ url: `${apiBase()}${path}`, method: 'GET' });
  if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}`);
  return res.data;
}

export async function httpPost<T>(path: string, data: unknown): Promise<T> {
  const res = await Taro.request<T>({
    url: `${apiBase()}${path}`,
    method: 'POST',
    data,
    header: { 'content-type': 'application/json' },
  });
  if (res.statusCode >= 400) throw new Error(`HTTP ${res.statusCode}`);
  return res.data;
}

export const defaultTransport = (): Transport => (process.env.TARO_ENV === 'weapp' ? cloudTransport : httpTransport);
