import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import StatusBadge from '@/components/status-badge';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { formatDay } from '@/services/activity-time';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** 队员名单 (`?id=`): a team's members, its leader and 骨干; 设为队长 for a member. */
export default function TeamPage() {
  return (
    <StaffGate need="staff">
      <Team />
    </StaffGate>
  );
}

function Team() {
  const teamId = useRouter().params.id ?? '';
  const roster = useAsync(() => call('volunteer', 'teamMembers', { teamId }), [teamId]);
  usePageRefresh(roster.reload);
  const setLeader = useAction((volunteerId: string, requestId: string) =>
    call('volunteer', 'setTeamLeader', { teamId, volunteerId }, { requestId }),
  );

  const appoint = async (volunteerId: string, name: string) => {
    const team = await setLeader.run(volunteerId);
    if (!team) return;
    if (roster.data) {
      roster.setData({
        team,
        members: roster.data.members.map((member) => ({ ...member, leader: member.volunteerId === volunteerId })),
      });
    }
    toastSuccess(`已设${name}为队长`);
  };

  // NOT_MEMBER: the person left the team (or is no longer an approved volunteer) since the list
  // was read. Say so plainly and show the list as it is now.
  const failed = setLeader.error;
  const notMember = failed?.code === 'NOT_MEMBER';
  const failure = notMember
    ? '这位志愿者已不在本队，或还不是审核通过的志愿者，不能设为队长。名单已刷新，请重新选择。'
    : failed?.message;
  const { reload } = roster;
  useEffect(() => {
    if (notMember) reload();
  }, [notMember, failed, reload]);

  if (!roster.data) {
    return (
      <PageShell>
        {roster.error ? <ErrorState error={roster.error} onRetry={roster.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { team, members } = roster.data;
  return (
    <PageShell className="team-page">
      <PageHeader
        title={team.name}
        subtitle={`${team.leaderName ? `队长：${team.leaderName}` : '暂无队长'} · ${team.memberCount} 人`}
      />
      {failure && <ErrorBanner message={failure} />}
      {members.length === 0 && (
        <EmptyState title="还没有队员" description="审核通过的志愿者可以在「我的 → 志愿者」里加入队伍。" />
      )}
      {members.map((member) => (
        <View key={member.volunteerId} className="team-page__row" data-testid="team-member">
          <View
            className="team-page__who"
            role="button"
            onClick={() => openPage(ROUTES.staffVolunteer, { id: member.volunteerId })}
          >
            <View className="team-page__line">
              <Text className="team-page__name">{member.realName}</Text>
              {member.leader && <StatusBadge text="队长" tone="accent" />}
              {member.core && <StatusBadge text="骨干" tone="primary" />}
            </View>
            <Text className="team-page__meta">{formatDay(member.joinedAt)} 加入</Text>
          </View>
          {!member.leader && (
            <Button
              size="small"
              type="primary"
              fill="outline"
              disabled={setLeader.pending}
              onClick={() => void appoint(member.volunteerId, member.realName)}
            >
              设为队长
            </Button>
          )}
        </View>
      ))}
    </PageShell>
  );
}
