import { Text, View } from '@tarojs/components';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import RoleTags from '@/components/role-tags';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { communityName, isStaff } from '@/services/session';
import './index.scss';

/** 工作人员: the station's social workers and directors. */
export default function MembersPage() {
  return (
    <StaffGate need="staff">
      <Members />
    </StaffGate>
  );
}

function Members() {
  const session = useSession();
  const members = useAsync(() => call('station', 'listMembers', {}), []);
  // The function may list residents too; this page is about the staff.
  const staff = members.data?.items.filter((member) => isStaff(member.roles)) ?? [];

  return (
    <PageShell className="members-page">
      <PageHeader title="工作人员" subtitle={session.station?.name} />
      {members.loading && <LoadingState />}
      {members.error && <ErrorState error={members.error} onRetry={members.reload} />}
      {members.data && staff.length === 0 && (
        <EmptyState title="还没有工作人员" description="站长可以在「邀请社工」中生成邀请码。" />
      )}
      {staff.map((member) => (
        <View key={member.openid} className="members-page__row">
          <View className="members-page__who">
            <Text className="members-page__name">{member.name}</Text>
            <Text className="members-page__place">{communityName(session.station, member.communityId)}</Text>
          </View>
          <RoleTags roles={member.roles} />
        </View>
      ))}
    </PageShell>
  );
}
