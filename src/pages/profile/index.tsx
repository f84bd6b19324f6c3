import type { SaveProfileInput } from '@linli/types/actions/account';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ProfileForm from '@/components/profile-form';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, goBack, openPage } from '@/services/routes';
import { needsConsent } from '@/services/privacy';

/** 完善资料 / 编辑资料: name, community, optional phone, consent to the privacy notice. */
export default function ProfilePage() {
  const session = useSession();
  const stations = useAsync(() => call('account', 'listStations', {}), []);
  const save = useAction((input: SaveProfileInput, requestId: string) =>
    call('account', 'saveProfile', input, { requestId }),
  );

  const submit = async (input: SaveProfileInput) => {
    const saved = await save.run(input);
    if (!saved) return;
    await session.refresh();
    toastSuccess('已保存');
    goBack(ROUTES.home);
  };

  if (session.loading || stations.loading) {
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  }
  if (stations.error || !stations.data) {
    return (
      <PageShell>
        <ErrorState error={stations.error ?? { message: '加载失败' }} onRetry={stations.reload} />
      </PageShell>
    );
  }

  const { profile } = session;
  const hasFieldErrors = Object.keys(save.fieldErrors).length > 0;
  return (
    <PageShell className="profile-page">
      <PageHeader title={profile ? '编辑资料' : '完善资料'} subtitle="这些信息只给为您服务的社工站工作人员看。" />
      {save.error && !hasFieldErrors && <ErrorBanner message={save.error.message} />}
      <ProfileForm
        stations={stations.data.items}
        initial={
          profile
            ? {
                name: profile.name,
                stationId: profile.stationId,
                communityId: profile.communityId ?? '',
                phoneMasked: profile.phoneMasked,
                // A changed notice: the box is unticked, so saving is agreeing to the new one.
                consented: !needsConsent(profile),
                minor: profile.minor,
                guardianName: profile.guardian?.name,
              }
            : undefined
        }
        submitting={save.pending}
        serverErrors={save.fieldErrors}
        onSubmit={(input) => void submit(input)}
        onOpenPrivacy={() => openPage(ROUTES.privacy)}
      />
    </PageShell>
  );
}
