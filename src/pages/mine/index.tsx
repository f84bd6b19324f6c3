import { View } from '@tarojs/components';
import ElderSwitch from '@/components/elder-switch';
import EntryList, { type EntryItem } from '@/components/entry-list';
import NoticeCard from '@/components/notice-card';
import PageShell from '@/components/page-shell';
import ProfileCard from '@/components/profile-card';
import { sessionFallback } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { logout } from '@/services/dev-login';
import { isH5 } from '@/services/platform';
import { ROUTES, openPage, restartAt } from '@/services/routes';
import { communityName } from '@/services/session';
import { needsConsent } from '@/services/privacy';
import './index.scss';

/** 我的: my profile and the things I can do with my account. */
export default function MinePage() {
  const session = useSession();
  // Only volunteers can be made door helpers, so nobody else pays for the call. Read again when
  // the tab is shown: the social worker may have granted it meanwhile.
  const volunteer = session.profile?.roles.includes('volunteer') ?? false;
  const helping = useAsync(
    () => (volunteer ? call('checkin', 'myHelperActivities', {}) : Promise.resolve({ items: [] })),
    [volunteer],
  );
  usePageRefresh(helping.reload);
  const fallback = sessionFallback(session);
  if (fallback) return fallback;

  const { profile, station } = session;
  const entries: EntryItem[] = [];
  if (profile) {
    entries.push(
      {
        key: 'my-activities',
        title: '我的活动',
        description: '报名的和参加过的活动',
        onClick: () => openPage(ROUTES.myActivities),
      },
      {
        key: 'my-code',
        title: '我的签到码',
        description: '不方便扫码时，请工作人员扫这个码',
        onClick: () => openPage(ROUTES.myCode),
      },
      {
        key: 'volunteer',
        title: volunteer ? '我的志愿服务' : '成为志愿者',
        description: volunteer ? '报名服务岗位、服务时长、服务记录证明' : '注册成为志愿者，或查看申请进度',
        onClick: () => openPage(ROUTES.volunteerHome),
      },
      {
        key: 'feedback',
        title: '意见反馈',
        description: '提意见、建议或投诉，查看答复',
        onClick: () => openPage(ROUTES.feedbackMine),
      },
    );
  }
  if (profile) {
    entries.push(
      {
        key: 'my-wishes',
        title: '我的心愿',
        description: '说出一个小心愿，查看进度、确认收到',
        onClick: () => openPage(ROUTES.myWishes),
      },
      {
        key: 'wish-wall',
        title: '心愿墙',
        description: '认领邻居的微心愿',
        onClick: () => openPage(ROUTES.wishWall),
      },
    );
  }
  for (const grant of helping.data?.items ?? []) {
    entries.push({
      key: `door-${grant.activityId}`,
      title: '协助扫码',
      description: `${grant.title} · ${formatMoment(grant.startAt)}`,
      onClick: () => openPage(ROUTES.door, { id: grant.activityId }),
    });
  }
  entries.push(
    {
      key: 'profile',
      title: profile ? '编辑资料' : '完善资料',
      description: '姓名、所在社区、手机号',
      onClick: () => openPage(ROUTES.profile),
    },
    {
      key: 'invite',
      title: '兑换邀请码',
      description: '社工站工作人员在这里加入',
      onClick: () => openPage(ROUTES.invite),
    },
  );
  if (session.isStaff) {
    entries.push({
      key: 'workbench',
      title: '工作台',
      description: '社工站管理',
      onClick: () => openPage(ROUTES.workbench),
    });
  }
  entries.push(
    {
      key: 'verify',
      title: '核验服务证明',
      description: '查验一份志愿服务记录证明',
      onClick: () => openPage(ROUTES.verifyCertificate),
    },
    {
      key: 'privacy-data',
      title: '隐私与数据',
      description: '导出我的数据、申请删除、查看处理结果',
      onClick: () => openPage(ROUTES.privacyData),
    },
    { key: 'privacy', title: '隐私保护指引', onClick: () => openPage(ROUTES.privacy) },
  );
  if (isH5()) {
    // The local runtime's dev login; WeChat has no such thing.
    entries.push(
      {
        key: 'switch',
        title: '切换身份',
        description: '体验环境：换一位示例人物',
        onClick: () => openPage(ROUTES.login),
      },
      {
        key: 'logout',
        title: '退出',
        danger: true,
        onClick: () => {
          logout();
          restartAt(ROUTES.login);
        },
      },
    );
  }

  return (
    <PageShell className="mine-page">
      <View className="mine-page__top">
        {profile ? (
          <ProfileCard
            profile={profile}
            stationName={station?.name ?? ''}
            communityName={communityName(station, profile.communityId)}
          />
        ) : (
          <NoticeCard
            title="您还没有完善资料"
            description="完善资料后，社工站才能为您安排活动和服务。"
            actionText="完善资料"
            onAction={() => openPage(ROUTES.profile)}
          />
        )}
      </View>
      {needsConsent(profile) && (
        <NoticeCard
          title="隐私保护指引已更新"
          description="请阅读并同意后，再继续报名、签到和提交信息。"
          actionText="阅读并同意"
          onAction={() => openPage(ROUTES.privacy)}
        />
      )}
      <ElderSwitch />
      <EntryList items={entries} />
    </PageShell>
  );
}
