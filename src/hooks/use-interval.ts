import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';

/**
 * Calls `callback` every `delayMs` while mounted; `null` pauses. The latest callback is used, so
 * callers need not memoise it.
 */
export function useInterval(callback: () => void, delayMs: number | null): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (delayMs === null) return undefined;
    const id = setInterval(() => latest.current(), delayMs);
    return () => clearInterval(id);
  }, [delayMs]);
}

/** Whether this page is the one on screen (false after the person moved on or the app went to the background). */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  return visible;
}

/**
 * Polls while the page is on screen: a screen left open on a staff phone in a pocket should not
 * keep calling the functions (the database allows about 30 queries a second for the whole station).
 */
export function usePolling(callback: () => void, everyMs: number): void {
  const visible = usePageVisible();
  useInterval(callback, visible ? everyMs : null);
}

/** The current time, refreshed every `everyMs` (default a minute): for labels that depend on it. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useInterval(() => setNow(new Date()), everyMs);
  return now;
}
