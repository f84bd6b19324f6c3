import { Text, View } from '@tarojs/components';
import EntryTiles, { type EntryTile } from '@/components/entry-tiles';
import NoticeCard from '@/components/notice-card';
import PageShell from '@/components/page-shell';
import { sessionFallback } from '@/components/state-views';
import UpcomingActivities from '@/components/upcoming-activities';
import { useResumePendingScan } from '@/hooks/use-pending-scan';
import { useSession } from '@/hooks/use-session';
import { ROUTES, openPage } from '@/services/routes';
import { communityName } from '@/services/session';
import './index.scss';

/** 首页: who and where I am, and the ways in. */
export default function HomePage() {
  const session = useSession();
  useResumePendingScan();
  const fallback = sessionFallback(session);
  if (fallback) return fallback;

  const { profile, station } = session;
  const entries: EntryTile[] = [
    { key: 'activities', title: '活动', description: '看看社区最近的活动', onClick: () => openPage(ROUTES.activities) },
    { key: 'mine', title: '我的', description: '个人资料与设置', onClick: () => openPage(ROUTES.mine) },
  ];
  if (profile) {
    entries.splice(
      1,
      0,
      {
        key: 'my-activities',
        title: '我的活动',
        description: '报名了哪些，参加过哪些',
        onClick: () => openPage(ROUTES.myActivities),
      },
      {
        key: 'my-code',
        title: '我的签到码',
        description: '不会扫码时，给工作人员看',
        onClick: () => openPage(ROUTES.myCode),
      },
    );
  }
  if (session.isStaff) {
    entries.push(
      {
        key: 'workbench',
        title: '工作台',
        description: '社工站管理',
        highlight: true,
        onClick: () => openPage(ROUTES.workbench),
      },
      {
        key: 'manage-activities',
        title: '活动管理',
        description: '发布活动、现场签到',
        highlight: true,
        onClick: () => openPage(ROUTES.manageActivities),
      },
    );
  }

  // What the profile still lacks, if anything: both are fixed on the 完善资料 page.
  const notice = !profile
    ? { title: '您还没有完善资料', description: '填写姓名和所在社区后，就可以预约社区活动。', actionText: '完善资料' }
    : !profile.communityId
      ? {
          title: '请选择您所在的社区',
          description: '您已加入新的社工站，选择社区后资料才完整。',
          actionText: '选择社区',
        }
      : null;

  return (
    <PageShell className="home-page">
      <View className="home-page__greeting">
        <Text className="home-page__hello">{profile ? `${profile.name}，您好` : '您好，欢迎来到邻里'}</Text>
        <Text className="home-page__place">
          {profile && station
            ? [station.name, communityName(station, profile.communityId)].filter(Boolean).join(' · ')
            : '社区活动、志愿服务，就在身边'}
        </Text>
      </View>
      {notice && (
        <View className="home-page__notice">
          <NoticeCard {...notice} onAction={() => openPage(ROUTES.profile)} />
        </View>
      )}
      <EntryTiles items={entries} />
      {profile && <UpcomingActivities station={station} />}
    </PageShell>
  );
}
