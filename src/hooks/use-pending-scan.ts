import { useEffect } from 'react';
import { ROUTES, replacePage } from '@/services/routes';
import { pendingScene } from '@/services/scan-scene';

/**
 * 首页 after a login: if the person had just scanned a sign-in code when the login page took
 * over (H5), reopen the scan page with that code (see pendingScene in services/scan-scene.ts).
 */
export function useResumePendingScan(): void {
  useEffect(() => {
    const scene = pendingScene.take();
    if (scene) replacePage(ROUTES.checkin, { scene });
  }, []);
}
