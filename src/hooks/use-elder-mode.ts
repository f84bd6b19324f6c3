import { useSyncExternalStore } from 'react';
import { elderMode } from '@/services/elder-mode';

/** Whether 长辈模式 is on; every page using it re-renders when it is switched. */
export function useElderMode(): boolean {
  return useSyncExternalStore(elderMode.subscribe, elderMode.get, elderMode.get);
}
