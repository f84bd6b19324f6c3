import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Dev-login tokens for the local runtime only: `<openid>.<hmac>`. They stand in for what WeChat
 * does in the cloud (vouch for the caller's OPENID); the secret never leaves this process.
 */
export interface DevAuth {
  issue(openid: string): string;
  /** The openid a token vouches for, or null if it is forged or malformed. */
  verify(token: string): string | null;
}

export function createDevAuth(secret: string = randomBytes(32).toString('hex')): DevAuth {
  const sign = (openid: string) => createHmac('sha256', secret).update(openid).digest('base64url');
  return {
    issue: (openid) => `${openid}.${sign(openid)}`,
    verify(token) {
      const dot = token.lastIndexOf('.');
      if (dot <= 0) return null;
      const openid = token.slice(0, dot);
      const given = Buffer.from(token.slice(dot + 1));
      const expected = Buffer.from(sign(openid));
      return given.length === expected.length && timingSafeEqual(given, expected) ? openid : null;
    },
  };
}

/** A fresh openid for "try as a new user", shaped like WeChat's (28 chars, starts with 'o'). */
export const newOpenid = (): string => `o${randomBytes(20).toString('base64url').slice(0, 27)}`;
