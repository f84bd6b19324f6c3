import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { RosterEntry, SignInResult } from '@linli/types/actions/checkin';
import DownloadButton from '@/components/download-button';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PersonSearch from '@/components/person-search';
import ReasonDialog from '@/components/reason-dialog';
import RosterList, { RosterCounts } from '@/components/roster-list';
import SessionSwitcher from '@/components/session-switcher';
import { signInSummary } from '@/components/signin-result';
import StaffGate from '@/components/staff-gate';
import StaffScan from '@/components/staff-scan';
import { ErrorState, LoadingState } from '@/components/state-views';
import VisitTeam from '@/components/visit-team';
import WalkInForm from '@/components/walk-in-form';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useNow, usePolling } from '@/hooks/use-interval';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** How often the roster is read again while the page is shown (others sign people in too). */
export const ROSTER_EVERY_MS = 5000;

/**
 * 签到名单: live counts and entries; 扫码签到, 代签, 现场登记 and 撤销签到 for the staff at the door;
 * afterwards 补录纸质签到 and the 签到表 to download. A home visit also has its 探访人员 (VisitTeam).
 */
export default function RosterPage() {
  return (
    <StaffGate need="staff">
      <Roster />
    </StaffGate>
  );
}

function Roster() {
  const activityId = useRouter().params.id ?? '';
  const { station } = useSession();
  const detail = useAsync(() => call('activity', 'get', { activityId }), [activityId]);
  // A 小组's roster is per session: the server picks the one on now (or next) until staff choose.
  const [session, setSession] = useState<number | undefined>(undefined);
  const roster = useAsync(() => call('checkin', 'roster', { activityId, session }), [activityId, session]);
  const shownSession = roster.data?.session?.index;
  const [lastResult, setLastResult] = useState<SignInResult | null>(null);
  const [annulling, setAnnulling] = useState<RosterEntry | null>(null);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const annul = useAction((personId: string, reason: string, requestId: string) =>
    call('checkin', 'annul', { activityId, personId, reason, session: shownSession }, { requestId }),
  );
  usePolling(roster.reload, ROSTER_EVERY_MS);
  usePageRefresh(roster.reload);
  const now = useNow();
  const activity = detail.data?.activity;
  // A paper list is of people who were there: the function refuses it before the start.
  const paperOpen = !!activity && activity.status !== 'cancelled' && now.getTime() >= Date.parse(activity.startAt);

  const signedIn = (result: SignInResult) => {
    setLastResult(result);
    roster.reload();
  };

  const confirmAnnul = async (reason: string) => {
    if (!annulling || !roster.data) return;
    const entry = await annul.run(annulling.personId, reason);
    if (!entry) return;
    roster.setData({
      ...roster.data,
      entries: roster.data.entries.map((old) => (old.personId === entry.personId ? entry : old)),
    });
    setAnnulling(null);
    toastSuccess('已撤销');
    roster.reload(); // the counts
  };

  if (!roster.data) {
    return (
      <PageShell>
        {roster.error ? <ErrorState error={roster.error} onRetry={roster.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  return (
    <PageShell className="roster-page">
      <PageHeader title="签到名单" subtitle={detail.data?.activity.title} />
      {roster.data.session && <SessionSwitcher session={roster.data.session} onPick={setSession} />}
      <RosterCounts counts={roster.data.counts} />
      <View className="roster-page__tools">
        <DownloadButton
          text={shownSession ? `导出第${shownSession}节签到表` : '导出签到表'}
          load={() => call('ledger', 'signInSheet', { activityId, session: shownSession })}
        />
        {paperOpen && (
          <Button
            type="primary"
            fill="outline"
            block
            onClick={() =>
              openPage(ROUTES.paperEntry, {
                id: activityId,
                ...(shownSession ? { session: String(shownSession) } : {}),
              })
            }
          >
            补录纸质签到
          </Button>
        )}
        <Button type="primary" fill="outline" block onClick={() => openPage(ROUTES.shiftRoster, { id: activityId })}>
          志愿者岗位与时长
        </Button>
      </View>
      {lastResult && (
        <View className="roster-page__result" role="status">
          {signInSummary(lastResult)}
        </View>
      )}

      {activity?.kind === 'home_visit' && (
        // Who went on the visit: seed 000's staffing rule is checked from this list.
        <View className="roster-page__section" id="visit-team">
          <Text className="roster-page__heading">探访人员</Text>
          <VisitTeam activityId={activityId} />
        </View>
      )}

      <View className="roster-page__section">
        <Text className="roster-page__heading">扫个人签到码</Text>
        <StaffScan activityId={activityId} volunteerModes onSignedIn={signedIn} />
      </View>

      <View className="roster-page__section">
        <Text className="roster-page__heading">代签</Text>
        <PersonSearch activityId={activityId} onSignedIn={signedIn} />
      </View>

      <View className="roster-page__section">
        <View className="roster-page__heading-line">
          <Text className="roster-page__heading">现场登记</Text>
          <View className="roster-page__toggle" role="button" onClick={() => setWalkInOpen(!walkInOpen)}>
            {walkInOpen ? '收起' : '登记新居民'}
          </View>
        </View>
        {walkInOpen && station && <WalkInForm activityId={activityId} station={station} onSignedIn={signedIn} />}
      </View>

      <View className="roster-page__section">
        <Text className="roster-page__heading">名单（{roster.data.entries.length}）</Text>
        <RosterList
          entries={roster.data.entries}
          onAnnul={setAnnulling}
          onPrintCard={(entry) => openPage(ROUTES.codeCard, { personId: entry.personId })}
        />
      </View>

      {annulling && (
        <ReasonDialog
          title={`撤销${annulling.name}的签到`}
          description="撤销后记录仍保留在名单上，注明撤销人和原因，不计入服务人次。"
          placeholder="撤销原因，例如：误点代签"
          confirmText="确定撤销"
          emptyMessage="请填写撤销原因"
          pending={annul.pending}
          error={annul.fieldErrors.reason ?? annul.error?.message}
          onConfirm={(reason) => void confirmAnnul(reason)}
          onClose={() => {
            setAnnulling(null);
            annul.reset();
          }}
        />
      )}
    </PageShell>
  );
}
