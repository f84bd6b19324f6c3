import type { VolunteerRegistrationDraft } from '@linli/types/entities/volunteer';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { ErrorBanner, ErrorState, LoadingState, sessionFallback } from '@/components/state-views';
import VolunteerForm, { type VolunteerFormInitial } from '@/components/volunteer-form';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, goBack, openPage } from '@/services/routes';

/**
 * 注册志愿者, and 修改后重新申请 after a rejection: the form starts from what was sent last time
 * (phones excepted — the server shows them masked only, so they are typed again). While an
 * application waits for review, or once approved, there is nothing to fill in.
 */
export default function RegisterPage() {
  const session = useSession();
  const me = useAsync(() => call('volunteer', 'me', {}), []);
  const register = useAction((draft: VolunteerRegistrationDraft, requestId: string) =>
    call('volunteer', 'register', draft, { requestId }),
  );

  const fallback = sessionFallback(session);
  if (fallback) return <PageShell>{fallback}</PageShell>;
  const { profile, station } = session;
  if (!profile || !station) {
    return (
      <PageShell>
        <NoticeCard
          title="请先完善资料"
          description="注册志愿者前，请先填写姓名和所在社区。"
          actionText="完善资料"
          onAction={() => openPage(ROUTES.profile)}
        />
      </PageShell>
    );
  }
  if (!me.data) {
    return <PageShell>{me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : <LoadingState />}</PageShell>;
  }

  const current = me.data.volunteer;
  if (current && current.status !== 'rejected') {
    const pending = current.status === 'pending';
    return (
      <PageShell>
        <NoticeCard
          title={pending ? '您的申请正在审核' : '您已经是本站志愿者'}
          description={pending ? '社工审核后会在「我的志愿服务」里显示结果。' : '可以报名服务岗位、查看服务时长。'}
          actionText="查看我的志愿服务"
          onAction={() => goBack(ROUTES.volunteerHome)}
        />
      </PageShell>
    );
  }

  const initial: VolunteerFormInitial = current
    ? {
        realName: current.realName,
        communityId: current.communityId,
        skills: current.skills,
        availability: current.availability,
        emergencyContactName: current.emergencyContactName,
        phoneMasked: current.phoneMasked,
        emergencyPhoneMasked: current.emergencyPhoneMasked,
      }
    : {
        realName: profile.name,
        communityId: profile.communityId ?? '',
        skills: [],
        availability: '',
        emergencyContactName: '',
      };

  const submit = async (draft: VolunteerRegistrationDraft) => {
    const saved = await register.run(draft);
    if (!saved) return;
    toastSuccess('已提交申请');
    goBack(ROUTES.volunteerHome);
  };

  const hasFieldErrors = Object.keys(register.fieldErrors).length > 0;
  return (
    <PageShell className="volunteer-register-page">
      <PageHeader
        title={current ? '修改后重新申请' : '注册志愿者'}
        subtitle={
          current
            ? `上次未通过${current.reason ? `：${current.reason}` : ''}。修改后重新提交，社工会再次审核。`
            : '提交后由本站社工审核，通过后就可以报名服务岗位。'
        }
      />
      {register.error && !hasFieldErrors && <ErrorBanner message={register.error.message} />}
      <VolunteerForm
        station={station}
        initial={initial}
        submitText={current ? '重新提交申请' : '提交申请'}
        submitting={register.pending}
        serverErrors={register.fieldErrors}
        onSubmit={(draft) => void submit(draft)}
        onOpenPrivacy={() => openPage(ROUTES.privacy)}
      />
    </PageShell>
  );
}
