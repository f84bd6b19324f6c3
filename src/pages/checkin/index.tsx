import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '@/components/page-shell';
import SignInResult, { type SignInView } from '@/components/signin-result';
import { LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { ApiError, call, newRequestId } from '@/services/api';
import { ROUTES, openPage, restartAt } from '@/services/routes';
import { pendingScene, sceneToken } from '@/services/scan-scene';

/**
 * 扫码签到: the page the code on the social worker's screen opens — a mini-program code with
 * `scene=<token>` on WeChat, `<origin>/#/pages/checkin/index?scene=<token>` on H5. Signs in (or
 * out, for a sign-out code) once on load and shows the answer in large type.
 */
export default function CheckinPage() {
  const token = sceneToken(useRouter().params.scene);
  // One scan, one intent: a retry after a dropped connection is the same request. (A page's
  // params never change while it is open, so one id per page is one id per token.)
  const [requestId] = useState(newRequestId);
  const scan = useAsync(async () => {
    if (!token) return null;
    // If this answers UNAUTHENTICATED (H5, not logged in), the login page takes over and then
    // 首页 opens; 首页 brings the person back here with the kept token.
    pendingScene.keep(token);
    try {
      const result = await call('checkin', 'scan', { token }, { requestId });
      pendingScene.clear();
      return result;
    } catch (error) {
      // Kept only across a login; any other answer is final for this token.
      if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) pendingScene.clear();
      throw error;
    }
  }, [token]);

  // Back from 完善资料: try the same code again (it may have rotated meanwhile; the answer says so).
  useDidShow(() => {
    if (scan.error?.code === 'PROFILE_REQUIRED') scan.reload();
  });

  if (token && scan.loading && !scan.data && !scan.error) {
    return (
      <PageShell>
        <LoadingState text="正在签到…" />
      </PageShell>
    );
  }
  const view: SignInView = !token
    ? { kind: 'no_token' }
    : scan.error
      ? { kind: 'failed', error: scan.error }
      : scan.data
        ? { kind: 'done', result: scan.data }
        : { kind: 'no_token' };
  return (
    <PageShell className="checkin-page">
      <SignInResult
        view={view}
        onCompleteProfile={() => openPage(ROUTES.profile)}
        onRetry={scan.reload}
        onHome={() => restartAt(ROUTES.home)}
        onVolunteerHours={() => openPage(ROUTES.volunteerHours)}
      />
    </PageShell>
  );
}
