import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { VolunteerDetail, VolunteerSummary } from '@linli/types/entities/volunteer';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ReasonDialog from '@/components/reason-dialog';
import RegistrationBadge from '@/components/registration-badge';
import StaffGate from '@/components/staff-gate';
import StatusBadge from '@/components/status-badge';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { formatDay, formatMoment } from '@/services/activity-time';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/**
 * 志愿者资料 (`?id=`): one volunteer's full record for the station's staff — the only screen that
 * shows the phone and the emergency contact in full — with 通过 / 不通过 for a pending
 * registration and 设为骨干 / 取消骨干.
 */
export default function VolunteerPage() {
  return (
    <StaffGate need="staff">
      <Volunteer />
    </StaffGate>
  );
}

function Row({ label, children }: { label: string; children: string }) {
  return (
    <View className="volunteer-page__row">
      <Text className="volunteer-page__label">{label}</Text>
      <Text className="volunteer-page__value" selectable>
        {children}
      </Text>
    </View>
  );
}

function Volunteer() {
  const volunteerId = useRouter().params.id ?? '';
  const detail = useAsync(() => call('volunteer', 'detail', { volunteerId }), [volunteerId]);
  const [rejecting, setRejecting] = useState(false);
  const review = useAction((decision: 'approve' | 'reject', reason: string, requestId: string) =>
    call('volunteer', 'review', { volunteerId, decision, ...(decision === 'reject' ? { reason } : {}) }, { requestId }),
  );
  const setCore = useAction((core: boolean, requestId: string) =>
    call('volunteer', 'setCore', { volunteerId, core }, { requestId }),
  );

  /** The write answered the summary: show it at once, then read the whole record again (reviewer, time). */
  const applied = (summary: VolunteerSummary, message: string) => {
    if (detail.data) detail.setData({ ...detail.data, ...summary });
    toastSuccess(message);
    detail.reload();
  };
  const approve = async () => {
    const summary = await review.run('approve', '');
    if (summary) applied(summary, '已通过');
    else detail.reload(); // someone else may have decided first (NOT_PENDING)
  };
  const reject = async (reason: string) => {
    const summary = await review.run('reject', reason);
    if (!summary) return;
    setRejecting(false);
    applied(summary, '已标记为不通过');
  };
  const toggleCore = async (core: boolean) => {
    const summary = await setCore.run(core);
    if (summary) applied(summary, core ? '已设为骨干' : '已取消骨干');
  };

  if (!detail.data) {
    return (
      <PageShell>
        {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const volunteer: VolunteerDetail = detail.data;
  const pending = volunteer.status === 'pending';
  const busy = review.pending || setCore.pending;
  return (
    <PageShell className="volunteer-page">
      <PageHeader title={volunteer.realName} subtitle={`${formatDay(volunteer.appliedAt)} 登记`} />
      <View className="volunteer-page__badges">
        <RegistrationBadge status={volunteer.status} />
        {volunteer.core && <StatusBadge text="骨干" tone="primary" />}
      </View>
      {volunteer.status === 'rejected' && volunteer.reason && (
        <Text className="volunteer-page__reason">未通过原因：{volunteer.reason}</Text>
      )}

      <View className="volunteer-page__card">
        <Row label="手机">{volunteer.phone}</Row>
        <Row label="紧急联系人">{`${volunteer.emergencyContact.name} ${volunteer.emergencyContact.phone}`}</Row>
        <Row label="所在社区">{volunteer.communityName ?? '未填写'}</Row>
        <Row label="技能">{volunteer.skills.length > 0 ? volunteer.skills.join('、') : '未填写'}</Row>
        <Row label="可服务时间">{volunteer.availability || '未填写'}</Row>
        <Row label="所在队伍">
          {volunteer.teams.length > 0 ? volunteer.teams.map((team) => team.name).join('、') : '未加入队伍'}
        </Row>
        <Row label="已审核时长">{`${volunteer.approvedHours} 小时`}</Row>
        {volunteer.reviewedAt && (
          <Row label="审核">{`${volunteer.reviewedBy ?? ''} ${formatMoment(volunteer.reviewedAt)}`.trim()}</Row>
        )}
      </View>
      <Text className="volunteer-page__privacy">
        手机号和紧急联系人只在这一页完整显示，仅供联系志愿者使用，请勿转发或截图外传。
      </Text>

      {(review.error || setCore.error) && <ErrorBanner message={(review.error ?? setCore.error)!.message} />}
      <View className="volunteer-page__actions">
        {pending && (
          <>
            <Button
              type="primary"
              size="large"
              block
              disabled={busy}
              loading={review.pending}
              onClick={() => void approve()}
            >
              通过
            </Button>
            <Button type="danger" fill="outline" size="large" block disabled={busy} onClick={() => setRejecting(true)}>
              不通过
            </Button>
          </>
        )}
        {volunteer.status === 'approved' && !volunteer.core && (
          <Button
            type="primary"
            fill="outline"
            block
            disabled={busy}
            loading={setCore.pending}
            onClick={() => void toggleCore(true)}
          >
            设为骨干
          </Button>
        )}
        {volunteer.core && (
          <Button fill="outline" block disabled={busy} loading={setCore.pending} onClick={() => void toggleCore(false)}>
            取消骨干
          </Button>
        )}
        {volunteer.status === 'approved' && (
          <Button fill="outline" block onClick={() => openPage(ROUTES.hoursAdd, { volunteerId })}>
            为TA录入时长
          </Button>
        )}
      </View>

      {rejecting && (
        <ReasonDialog
          title={`不通过${volunteer.realName}的登记`}
          description="原因会告诉申请人；修改资料后可以重新申请。"
          placeholder="原因，例如：手机号无法接通"
          confirmText="确定不通过"
          emptyMessage="请填写不通过的原因"
          pending={review.pending}
          error={review.fieldErrors.reason ?? review.error?.message}
          onConfirm={(reason) => void reject(reason)}
          onClose={() => {
            setRejecting(false);
            review.reset();
          }}
        />
      )}
    </PageShell>
  );
}
