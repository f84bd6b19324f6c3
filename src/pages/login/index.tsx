import { useState } from 'react';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PersonaPicker from '@/components/persona-picker';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { listPersonas, loginAs } from '@/services/dev-login';
import { ROUTES, restartAt } from '@/services/routes';

/**
 * H5 only: the local runtime's dev login. Pick a demo persona (or a brand-new user); the token
 * is kept and the app starts again at 首页 as that person.
 */
export default function LoginPage() {
  const personas = useAsync(listPersonas, []);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (openid: string | undefined) => {
    setPending(openid ?? '');
    setError(null);
    try {
      await loginAs(openid);
      restartAt(ROUTES.home);
    } catch {
      setError('登录失败，请确认本地服务已启动后重试');
      setPending(null);
    }
  };

  return (
    <PageShell className="login-page">
      <PageHeader title="选择体验身份" subtitle="这是本地体验环境：选择一位示例人物进入，不需要微信登录。" />
      {error && <ErrorBanner message={error} />}
      {personas.loading && <LoadingState text="正在读取示例人物…" />}
      {personas.error && (
        <ErrorState error={{ message: '读取示例人物失败，请确认本地服务已启动' }} onRetry={personas.reload} />
      )}
      {personas.data && (
        <PersonaPicker personas={personas.data} pending={pending} onPick={(openid) => void pick(openid)} />
      )}
    </PageShell>
  );
}
