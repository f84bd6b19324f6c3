import EntryTiles, { type EntryTile } from '@/components/entry-tiles';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { complaintsBadge } from '@/services/complaints';
import { ROUTES, openPage } from '@/services/routes';

/** 工作台: the staff home. Each staff feature adds its tile here. */
export default function WorkbenchPage() {
  return (
    <StaffGate need="staff">
      <Workbench />
    </StaffGate>
  );
}

function Workbench() {
  const session = useSession();
  // Due and overdue complaints, read again whenever the workbench is shown (a reply elsewhere clears them).
  const complaints = useAsync(() => call('feedback', 'summary', {}), []);
  usePageRefresh(complaints.reload);
  const tiles: EntryTile[] = [
    {
      key: 'activities',
      title: '活动管理',
      description: '发布活动、现场签到、名单',
      highlight: true,
      onClick: () => openPage(ROUTES.manageActivities),
    },
    {
      key: 'code-card',
      title: '签到卡',
      description: '为没有手机的居民打印签到卡',
      onClick: () => openPage(ROUTES.codeCard),
    },
    {
      key: 'surveys',
      title: '意见表',
      description: '参加者意见表、满意率（须达80%）',
      onClick: () => openPage(ROUTES.staffSurveys),
    },
    {
      key: 'hours-inbox',
      title: '时长审核',
      description: '审核志愿时长、处理更正、导出',
      onClick: () => openPage(ROUTES.hoursInbox),
    },
    {
      key: 'volunteers',
      title: '志愿者',
      description: '审核登记、设骨干、联系方式',
      onClick: () => openPage(ROUTES.staffVolunteers),
    },
    {
      key: 'teams',
      title: '志愿服务队',
      description: '新建队伍、指定队长',
      onClick: () => openPage(ROUTES.staffTeams),
    },
    {
      key: 'hours-add',
      title: '录入时长',
      description: '为入户探访等服务录入志愿时长',
      onClick: () => openPage(ROUTES.hoursAdd),
    },
    {
      key: 'indicators',
      title: '指标',
      description: '合同指标完成情况、时间进度、计入的记录',
      onClick: () => openPage(ROUTES.indicatorContracts),
    },
    {
      key: 'ledger-exports',
      title: '导出台账',
      description: '指标完成情况表、活动与签到台账',
      onClick: () => openPage(ROUTES.ledgerExports),
    },
  ];
  tiles.push({
    key: 'complaints',
    title: '意见反馈',
    description: '居民的意见、建议和投诉，2天内答复',
    badge: complaintsBadge(complaints.data),
    onClick: () => openPage(ROUTES.staffComplaints),
  });
  tiles.push({
    key: 'wishes',
    title: '微心愿',
    description: '审核发布心愿、代居民提交、确认点亮',
    onClick: () => openPage(ROUTES.staffWishes),
  });
  if (session.isAdmin) {
    tiles.push(
      {
        key: 'station',
        title: '片区与社区',
        description: '设置本站的片区和社区',
        onClick: () => openPage(ROUTES.station),
      },
      {
        key: 'invitations',
        title: '邀请社工',
        description: '生成邀请码，邀请同事加入',
        onClick: () => openPage(ROUTES.invitations),
      },
      {
        key: 'data-requests',
        title: '个人信息请求',
        description: '居民的删除申请，15个工作日内处理',
        onClick: () => openPage(ROUTES.dataRequests),
      },
    );
  }
  tiles.push({
    key: 'members',
    title: '工作人员',
    description: '本站的社工和站长',
    onClick: () => openPage(ROUTES.members),
  });

  return (
    <PageShell className="workbench-page">
      <PageHeader title="工作台" subtitle={session.station?.name} />
      <EntryTiles items={tiles} />
    </PageShell>
  );
}
