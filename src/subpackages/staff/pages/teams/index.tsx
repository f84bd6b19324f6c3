import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import InputAction from '@/components/input-action';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** The same bounds as the action's team name (2–20 characters, trimmed). */
const NAME_MAX = 20;

/** 志愿服务队: the station's teams with leader and size; 新建队伍; a team opens its members. */
export default function TeamsPage() {
  return (
    <StaffGate need="staff">
      <Teams />
    </StaffGate>
  );
}

function Teams() {
  const { station } = useSession();
  const teams = useAsync(() => call('volunteer', 'teams', {}), []);
  usePageRefresh(teams.reload);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const create = useAction((teamName: string, requestId: string) =>
    call('volunteer', 'createTeam', { name: teamName }, { requestId }),
  );

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed.length < 2) {
      setProblem('队名至少2个字');
      return;
    }
    setProblem(undefined);
    const team = await create.run(trimmed);
    if (!team) return;
    setName('');
    if (teams.data) teams.setData({ items: [...teams.data.items.filter((t) => t.id !== team.id), team] });
    toastSuccess('已新建队伍');
  };

  return (
    <PageShell className="teams-page">
      <PageHeader title="志愿服务队" subtitle={station?.name} />
      <View className="teams-page__new">
        <Text className="teams-page__heading">新建队伍</Text>
        <InputAction
          name="team-name"
          placeholder="队名，例如：长者关爱队"
          value={name}
          maxLength={NAME_MAX}
          onChange={(value) => {
            setName(value);
            setProblem(undefined);
            create.reset();
          }}
          buttonText="新建队伍"
          pending={create.pending}
          onSubmit={() => void submit()}
          error={problem ?? create.fieldErrors.name ?? create.error?.message}
        />
      </View>
      <View className="teams-page__list">
        {!teams.data && teams.loading && <LoadingState />}
        {teams.error && !teams.data && <ErrorState error={teams.error} onRetry={teams.reload} />}
        {teams.data && teams.data.items.length === 0 && (
          <EmptyState
            title="还没有志愿服务队"
            description="新建队伍后，审核通过的志愿者可以在「我的 → 志愿者」里加入。"
          />
        )}
        {teams.data?.items.map((team) => (
          <View
            key={team.id}
            className="teams-page__row"
            role="button"
            data-testid="team-row"
            onClick={() => openPage(ROUTES.staffTeam, { id: team.id })}
          >
            <View className="teams-page__who">
              <Text className="teams-page__name">{team.name}</Text>
              <Text className="teams-page__meta">{team.leaderName ? `队长：${team.leaderName}` : '暂无队长'}</Text>
            </View>
            <Text className="teams-page__count">{team.memberCount} 人 ›</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
