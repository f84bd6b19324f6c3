import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { ActionInput, ActionOutput } from '@linli/types/api';
import type { RosterEntry } from '@linli/types/actions/checkin';
import Field from '@/components/field';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PaperList, { type PaperListItem } from '@/components/paper-list';
import PersonSearch from '@/components/person-search';
import { bookingLabel } from '@/components/roster-list';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import WalkInForm, { type WalkInDetails } from '@/components/walk-in-form';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { formatTimeRange } from '@/services/activity-time';
import { toastMessage } from '@/services/feedback';
import { ROUTES, goBack } from '@/services/routes';
import { communityName } from '@/services/session';
import './index.scss';

type PaperEntry = ActionInput<'checkin', 'recordPaper'>['entries'][number];
type PaperResult = ActionOutput<'checkin', 'recordPaper'>;

interface Listed extends PaperListItem {
  entry: PaperEntry;
}

/** The same bounds as the action's `note` (2–100 characters, trimmed). */
const NOTE_MIN = 2;
const NOTE_MAX = 100;

/**
 * 补录纸质签到: after an activity where people signed a paper sheet instead of scanning, the
 * social worker copies the sheet in — residents found by search, people not yet in the system
 * registered by name — says why, and sends the whole list at once.
 */
export default function PaperEntryPage() {
  return (
    <StaffGate need="staff">
      <PaperEntry />
    </StaffGate>
  );
}

/** `已补录 3 人，1 人此前已签到`: the second part only when someone was already there. */
export function paperResultText({ recorded, alreadyPresent }: PaperResult): string {
  return `已补录 ${recorded} 人${alreadyPresent > 0 ? `，${alreadyPresent} 人此前已签到` : ''}`;
}

function PaperEntry() {
  const { id, session: sessionParam } = useRouter().params;
  const activityId = id ?? '';
  // A 小组's paper list is of one session: the one the roster showed.
  const session = sessionParam ? Number(sessionParam) : undefined;
  const { station } = useSession();
  const detail = useAsync(() => call('activity', 'get', { activityId }), [activityId]);
  const [listed, setListed] = useState<Listed[]>([]);
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ list?: string; note?: string }>({});
  const [done, setDone] = useState<PaperResult | null>(null);
  // The list and note are the intent: a retry after a failure sends the same requestId, so a
  // list that did arrive (the answer was lost) is not entered twice.
  const record = useAction((entries: PaperEntry[], text: string, requestId: string) =>
    call('checkin', 'recordPaper', { activityId, entries, note: text, session }, { requestId }),
  );

  const add = (item: Listed) => {
    if (listed.some((old) => old.key === item.key)) {
      toastMessage(`${item.name}已在名单上`);
      return;
    }
    setListed([...listed, item]);
    setProblems({ ...problems, list: undefined });
  };

  const addResident = (entry: RosterEntry) =>
    add({
      key: `p:${entry.personId}`,
      name: entry.name,
      meta: [entry.communityName, entry.phoneTail ? `尾号${entry.phoneTail}` : null, bookingLabel(entry)]
        .filter(Boolean)
        .join(' · '),
      entry: { personId: entry.personId },
    });

  const addWalkIn = (walkIn: WalkInDetails) =>
    add({
      // Two new people with the same name, community and phone are one person typed twice.
      key: `w:${walkIn.name}|${walkIn.communityId}|${walkIn.phone ?? ''}`,
      name: walkIn.name,
      meta: [
        communityName(station, walkIn.communityId),
        walkIn.phone ? `尾号${walkIn.phone.slice(-4)}` : null,
        '新登记',
      ]
        .filter(Boolean)
        .join(' · '),
      entry: { walkIn },
    });

  const submit = async () => {
    const text = note.trim();
    const found: typeof problems = {};
    if (listed.length === 0) found.list = '请至少补录一人';
    if (text.length < NOTE_MIN) found.note = '请说明补录原因';
    setProblems(found);
    if (found.list || found.note) return;
    const result = await record.run(
      listed.map((item) => item.entry),
      text,
    );
    if (result) setDone(result);
  };

  if (!detail.data) {
    return (
      <PageShell>
        {detail.error ? <ErrorState error={detail.error} onRetry={detail.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const { activity } = detail.data;
  const header = (
    <PageHeader
      title="补录纸质签到"
      subtitle={`${activity.title} · ${formatTimeRange(activity.startAt, activity.endAt)}`}
    />
  );

  if (done) {
    return (
      <PageShell className="paper-entry-page">
        {header}
        <NoticeCard
          title={paperResultText(done)}
          description="补录的人在签到名单上标为「纸质签到补录」，签到时间记为活动开始时间。"
          actionText="回到签到名单"
          onAction={() => goBack(ROUTES.manageActivities)}
        />
      </PageShell>
    );
  }
  if (activity.status === 'cancelled' || Date.now() < Date.parse(activity.startAt)) {
    return (
      <PageShell className="paper-entry-page">
        {header}
        <NoticeCard
          title={activity.status === 'cancelled' ? '活动已取消' : '活动还没有开始'}
          description="活动开始后，才能按纸质签到表补录。"
        />
      </PageShell>
    );
  }

  // The function names fields by path: `note`, or `entries.3.walkIn.name` for one on the list.
  const noteError = problems.note ?? record.fieldErrors.note;
  const listError =
    problems.list ?? Object.entries(record.fieldErrors).find(([path]) => path.startsWith('entries'))?.[1];
  const hasFieldErrors = Object.keys(record.fieldErrors).length > 0;
  return (
    <PageShell className="paper-entry-page">
      {header}
      <Text className="paper-entry-page__intro">
        把纸质签到表上、没有在手机上签到的人加入名单，写明原因后一起提交。补录记录标为「纸质签到补录」并注明补录人；已经签到的人不会重复计算。
      </Text>

      <View className="paper-entry-page__section">
        <Text className="paper-entry-page__heading">查找居民</Text>
        <PersonSearch
          activityId={activityId}
          picked={listed.flatMap((item) => ('personId' in item.entry ? [item.entry.personId] : []))}
          onPick={addResident}
        />
      </View>

      <View className="paper-entry-page__section">
        <View className="paper-entry-page__heading-line">
          <Text className="paper-entry-page__heading">系统里没有的人</Text>
          <View className="paper-entry-page__toggle" role="button" onClick={() => setWalkInOpen(!walkInOpen)}>
            {walkInOpen ? '收起' : '登记新居民'}
          </View>
        </View>
        {walkInOpen && station && <WalkInForm station={station} onAdd={addWalkIn} />}
      </View>

      <View className="paper-entry-page__section">
        <Text className="paper-entry-page__heading">补录名单（{listed.length}）</Text>
        <PaperList items={listed} onRemove={(key) => setListed(listed.filter((item) => item.key !== key))} />
        {listError && (
          <View className="paper-entry-page__error" role="alert">
            {listError}
          </View>
        )}
      </View>

      <View className="paper-entry-page__section">
        <Field label="说明" error={noteError} hint="例如：现场网络故障，按纸质签到表补录">
          <Input
            name="paper-note"
            placeholder="补录原因"
            value={note}
            maxLength={NOTE_MAX}
            onChange={(value) => {
              setNote(value);
              setProblems({ ...problems, note: undefined });
            }}
          />
        </Field>
        {record.error && !hasFieldErrors && <ErrorBanner message={record.error.message} />}
        <Button
          type="primary"
          size="large"
          block
          loading={record.pending}
          disabled={record.pending}
          onClick={() => void submit()}
        >
          {listed.length > 0 ? `补录 ${listed.length} 人` : '提交补录'}
        </Button>
      </View>
    </PageShell>
  );
}
