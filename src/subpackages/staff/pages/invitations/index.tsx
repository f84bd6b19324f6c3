import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Invitation } from '@linli/types/entities/user';
import { InvitationHighlight, InvitationRow } from '@/components/invitation-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

type InvitedRole = Invitation['role'];

/** 邀请社工: a director makes one-time codes for new 社工 or 站长 and sees which were used. */
export default function InvitationsPage() {
  return (
    <StaffGate need="admin">
      <Invitations />
    </StaffGate>
  );
}

function Invitations() {
  const list = useAsync(() => call('station', 'listInvitations', {}), []);
  const [created, setCreated] = useState<Invitation | null>(null);
  const create = useAction((role: InvitedRole, requestId: string) =>
    call('station', 'createInvitation', { role }, { requestId }),
  );
  const now = new Date();

  const invite = async (role: InvitedRole) => {
    const invitation = await create.run(role);
    if (!invitation) return;
    setCreated(invitation);
    const others = list.data?.items.filter((item) => item.code !== invitation.code) ?? [];
    list.setData({ items: [invitation, ...others] });
  };

  const copy = (code: string) => {
    void Taro.setClipboardData({ data: code }).then(() => toastSuccess('已复制'));
  };

  return (
    <PageShell className="invitations-page">
      <PageHeader title="邀请社工" subtitle="邀请码只能使用一次，过期后需重新生成。" />
      <View className="invitations-page__actions">
        <Button
          type="primary"
          size="large"
          loading={create.pending}
          disabled={create.pending}
          onClick={() => void invite('social_worker')}
        >
          邀请社工
        </Button>
        <Button
          type="primary"
          fill="outline"
          size="large"
          disabled={create.pending}
          onClick={() => void invite('admin')}
        >
          邀请站长
        </Button>
      </View>
      {create.error && <ErrorBanner message={create.error.message} />}
      {created && <InvitationHighlight invitation={created} onCopy={() => copy(created.code)} />}

      <Text className="invitations-page__heading">已生成的邀请码</Text>
      {list.loading && <LoadingState />}
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <EmptyState title="还没有邀请码" />}
      {list.data?.items.map((invitation) => (
        <InvitationRow key={invitation.code} invitation={invitation} now={now} />
      ))}
    </PageShell>
  );
}
