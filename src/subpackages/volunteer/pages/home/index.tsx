import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { Team } from '@linli/types/entities/volunteer';
import { REGISTRATION_STATUS_LABELS, type MyVolunteer } from '@linli/types/entities/volunteer';
import EntryList, { type EntryItem } from '@/components/entry-list';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { ErrorState, LoadingState } from '@/components/state-views';
import StatusBadge, { type BadgeTone } from '@/components/status-badge';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { formatDay } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import { communityName } from '@/services/session';
import './index.scss';

const STATUS_TONES: Record<MyVolunteer['status'], BadgeTone> = {
  pending: 'warning',
  approved: 'accent',
  rejected: 'danger',
};

/** My registration and the station's teams, read together (both need a profile). */
async function loadHome() {
  const [me, teams] = await Promise.all([call('volunteer', 'me', {}), call('volunteer', 'teams', {})]);
  return { volunteer: me.volunteer, teams: teams.items };
}

/**
 * 我的志愿服务: where I stand (待审核, 已通过, 未通过 with the reason and 修改后重新申请), 骨干, my
 * teams (退出) and the station's others (加入), and the ways to my shifts, hours and certificates.
 * Someone who has not applied is invited to register.
 */
export default function VolunteerHomePage() {
  const { station } = useSession();
  const home = useAsync(loadHome, []);
  usePageRefresh(home.reload);
  const join = useAction((teamId: string, requestId: string) =>
    call('volunteer', 'joinTeam', { teamId }, { requestId }),
  );
  const leave = useAction((teamId: string, requestId: string) =>
    call('volunteer', 'leaveTeam', { teamId }, { requestId }),
  );

  if (!home.data) {
    if (home.error?.code === 'PROFILE_REQUIRED') {
      return (
        <PageShell>
          <NoticeCard
            title="请先完善资料"
            description="填写姓名和所在社区后，就可以注册志愿者。"
            actionText="完善资料"
            onAction={() => openPage(ROUTES.profile)}
          />
        </PageShell>
      );
    }
    return (
      <PageShell>{home.error ? <ErrorState error={home.error} onRetry={home.reload} /> : <LoadingState />}</PageShell>
    );
  }

  const { volunteer, teams } = home.data;
  const replaceTeam = (team: Team) =>
    home.setData({ volunteer, teams: teams.map((t) => (t.id === team.id ? team : t)) });

  const joinTeam = async (team: Team) => {
    const joined = await join.run(team.id);
    if (!joined) return;
    replaceTeam(joined);
    toastSuccess('已加入');
  };
  const leaveTeam = async (team: Team) => {
    const { confirm } = await Taro.showModal({
      title: '退出服务队',
      content: `确定退出「${team.name}」吗？以后可以再加入。`,
      confirmText: '确定退出',
      cancelText: '再想想',
    });
    if (!confirm) return;
    const left = await leave.run(team.id);
    if (!left) return;
    replaceTeam(left);
    toastSuccess('已退出');
  };

  const verifyEntry: EntryItem = {
    key: 'verify',
    title: '核验服务证明',
    description: '输入证明上的编号和校验码',
    onClick: () => openPage(ROUTES.verifyCertificate),
  };

  if (!volunteer) {
    return (
      <PageShell className="volunteer-home-page">
        <PageHeader title="志愿服务" subtitle={station?.name} />
        <View className="volunteer-home-page__intro">
          <Text className="volunteer-home-page__intro-title">成为志愿者</Text>
          <Text className="volunteer-home-page__intro-text">
            在家门口参加社区服务：陪伴长者、活动引导、便民服务……每次服务的时长由社工审核记录，可以开具志愿服务记录证明。
          </Text>
          <Button type="primary" size="large" block onClick={() => openPage(ROUTES.volunteerRegister)}>
            注册志愿者
          </Button>
        </View>
        <EntryList items={[verifyEntry]} />
      </PageShell>
    );
  }

  const approved = volunteer.status === 'approved';
  const mine = teams.filter((team) => team.joined);
  const others = teams.filter((team) => !team.joined);
  const teamError = join.error?.message ?? leave.error?.message;
  const busy = join.pending || leave.pending;
  const entries: EntryItem[] = approved
    ? [
        {
          key: 'shifts',
          title: '报名服务岗位',
          description: '活动需要的志愿者岗位',
          onClick: () => openPage(ROUTES.volunteerShifts),
        },
        {
          key: 'hours',
          title: '我的服务时长',
          description: '累计时长、每次服务的记录、申报与更正',
          onClick: () => openPage(ROUTES.volunteerHours),
        },
        {
          key: 'certificate',
          title: '开具服务记录证明',
          description: '志愿服务记录证明，可打印',
          onClick: () => openPage(ROUTES.volunteerCertificate),
        },
        verifyEntry,
      ]
    : [verifyEntry];

  return (
    <PageShell className="volunteer-home-page">
      <View className="volunteer-home-page__card" data-testid="volunteer-status">
        <View className="volunteer-home-page__name-line">
          <Text className="volunteer-home-page__name">{volunteer.realName}</Text>
          <StatusBadge text={REGISTRATION_STATUS_LABELS[volunteer.status]} tone={STATUS_TONES[volunteer.status]} />
          {volunteer.core && <StatusBadge text="骨干志愿者" tone="primary" />}
        </View>
        <Text className="volunteer-home-page__meta">
          {[
            communityName(station, volunteer.communityId),
            volunteer.phoneMasked,
            `${formatDay(volunteer.appliedAt)}申请`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {volunteer.skills.length > 0 && (
          <Text className="volunteer-home-page__meta">技能：{volunteer.skills.join('、')}</Text>
        )}
        {volunteer.status === 'pending' && (
          <Text className="volunteer-home-page__text">社工审核通过后，就可以报名服务岗位、记录服务时长。</Text>
        )}
        {volunteer.status === 'rejected' && (
          <View className="volunteer-home-page__rejected">
            <Text className="volunteer-home-page__reason">未通过原因：{volunteer.reason ?? '社工没有填写原因'}</Text>
            <Button type="primary" size="large" block onClick={() => openPage(ROUTES.volunteerRegister)}>
              修改后重新申请
            </Button>
          </View>
        )}
      </View>

      <EntryList items={entries} />

      <View className="volunteer-home-page__section">
        <Text className="volunteer-home-page__heading">我的服务队</Text>
        {mine.length === 0 && <Text className="volunteer-home-page__empty">还没有加入服务队</Text>}
        {mine.map((team) => (
          <TeamRow key={team.id} team={team}>
            <Button size="small" type="danger" fill="outline" disabled={busy} onClick={() => void leaveTeam(team)}>
              退出
            </Button>
          </TeamRow>
        ))}
      </View>

      {others.length > 0 && (
        <View className="volunteer-home-page__section">
          <Text className="volunteer-home-page__heading">本站的服务队</Text>
          {!approved && <Text className="volunteer-home-page__empty">审核通过后可以加入服务队</Text>}
          {others.map((team) => (
            <TeamRow key={team.id} team={team}>
              {approved && (
                <Button size="small" type="primary" fill="outline" disabled={busy} onClick={() => void joinTeam(team)}>
                  加入
                </Button>
              )}
            </TeamRow>
          ))}
        </View>
      )}
      {teamError && (
        <View className="volunteer-home-page__error" role="alert">
          {teamError}
        </View>
      )}
    </PageShell>
  );
}

function TeamRow({ team, children }: { team: Team; children: ReactNode }) {
  return (
    <View className="volunteer-home-page__team" data-testid="team-row">
      <View className="volunteer-home-page__team-words">
        <Text className="volunteer-home-page__team-name">{team.name}</Text>
        <Text className="volunteer-home-page__meta">
          {team.leaderName ? `队长 ${team.leaderName} · ` : ''}
          {team.memberCount}人
        </Text>
      </View>
      {children}
    </View>
  );
}
