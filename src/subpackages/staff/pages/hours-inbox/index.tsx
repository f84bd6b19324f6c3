import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { ActionOutput } from '@linli/types/api';
import type { HourEntryView } from '@linli/types/entities/hours';
import { DEFAULT_MESSAGES, type ErrorCode } from '@linli/types/errors';
import HourCorrectionForm from '@/components/hour-correction-form';
import HourEntryCard from '@/components/hour-entry-card';
import HourHistory from '@/components/hour-history';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ReasonDialog from '@/components/reason-dialog';
import RegistryExport from '@/components/registry-export';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

type ApprovalResult = ActionOutput<'hours', 'approve'>['results'][number];

/** Only a pending entry without a flag can be approved; a flagged one needs a correction first. */
export const approvable = (entry: HourEntryView): boolean => entry.status === 'pending' && !entry.flag;

const hasOpenRequest = (entry: HourEntryView): boolean => entry.correctionRequest?.answer === 'open';

/** What a refused approval says: the function's message, else the code's default. */
export function refusalText(result: ApprovalResult): string {
  if (result.message) return result.message;
  const code = result.code as ErrorCode | undefined;
  return (code && DEFAULT_MESSAGES[code]) || '未能通过，请刷新后再试';
}

/** `已通过 2 条` / `已通过 1 条，1 条未能通过（原因见该条记录）`. */
export function approvalSummary(results: readonly ApprovalResult[]): string {
  const refused = results.filter((r) => r.outcome === 'refused').length;
  const passed = results.length - refused;
  if (refused === 0) return `已通过 ${passed} 条`;
  return `${passed > 0 ? `已通过 ${passed} 条，` : ''}${refused} 条未能通过（原因见该条记录）`;
}

type Dialog = { kind: 'reject' | 'decline'; entry: HourEntryView } | null;

/**
 * 时长审核 (`?activityId=` to see one activity's): the station's hours awaiting review — the
 * flagged first, with what the flag means — and the volunteers' correction requests. Select
 * several for 批量通过 (each answered on its own: someone's own entry, or one they typed, is
 * refused and says why); 不通过 with a reason; 更正 with the actual times (a new version, pending
 * again); 不同意更正; every entry's history. At the bottom, the registry export.
 */
export default function HoursInboxPage() {
  return (
    <StaffGate need="staff">
      <HoursInbox />
    </StaffGate>
  );
}

function HoursInbox() {
  const params = useRouter().params;
  const [activityId, setActivityId] = useState<string | undefined>(params.activityId || undefined);
  const list = useAsync(() => call('hours', 'pending', activityId ? { activityId } : {}), [activityId]);
  const activity = useAsync(
    () => (activityId ? call('activity', 'get', { activityId }).then((d) => d.activity) : Promise.resolve(null)),
    [activityId],
  );
  usePageRefresh(list.reload);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<Readonly<Record<string, string>>>({});
  const [outcome, setOutcome] = useState<{ text: string; warning?: boolean } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);

  const approve = useAction((entryIds: string[], requestId: string) =>
    call('hours', 'approve', { entryIds }, { requestId }),
  );
  const reject = useAction((entryId: string, reason: string, requestId: string) =>
    call('hours', 'reject', { entryId, reason }, { requestId }),
  );
  const decline = useAction((entryId: string, reason: string, requestId: string) =>
    call('hours', 'declineCorrection', { entryId, reason }, { requestId }),
  );

  const items = list.data?.items ?? [];
  const selectable = items.filter(approvable);
  const chosen = selectable.filter((entry) => selected.has(entry.id)).map((entry) => entry.id);
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const flagged = items.filter((entry) => entry.flag && entry.status === 'pending').length;
  const requests = items.filter(hasOpenRequest).length;

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const toggleAll = () => setSelected(allChosen ? new Set() : new Set(selectable.map((entry) => entry.id)));

  /** Drops entries that need nothing more from anyone here, then reads the list again. */
  const settle = (done: ReadonlySet<string>) => {
    if (list.data) {
      list.setData({ items: list.data.items.filter((entry) => !done.has(entry.id) || hasOpenRequest(entry)) });
    }
    list.reload();
  };

  const approveChosen = async () => {
    if (chosen.length === 0) {
      setOutcome({ text: '请先勾选要通过的时长', warning: true });
      return;
    }
    setOutcome(null);
    const answer = await approve.run(chosen);
    if (!answer) return;
    const next = { ...refusals };
    const passed = new Set<string>();
    for (const result of answer.results) {
      if (result.outcome === 'refused') next[result.entryId] = refusalText(result);
      else {
        delete next[result.entryId];
        passed.add(result.entryId);
      }
    }
    setRefusals(next);
    setSelected(new Set());
    setOutcome({
      text: approvalSummary(answer.results),
      warning: answer.results.some((result) => result.outcome === 'refused'),
    });
    settle(passed);
  };

  const confirmDialog = async (reason: string) => {
    if (!dialog) return;
    const { kind, entry } = dialog;
    const answer = kind === 'reject' ? await reject.run(entry.id, reason) : await decline.run(entry.id, reason);
    if (!answer) return;
    setDialog(null);
    toastSuccess(kind === 'reject' ? '已标记为不通过' : '已答复志愿者');
    setOutcome({
      text:
        kind === 'reject'
          ? `${entry.volunteerName}的这条时长未通过，志愿者会看到原因`
          : `已不同意${entry.volunteerName}的更正申请，志愿者会看到原因`,
    });
    settle(new Set(kind === 'reject' ? [entry.id] : []));
  };

  const corrected = (entry: HourEntryView, next: HourEntryView) => {
    setCorrecting(null);
    toastSuccess('已更正');
    setOutcome({ text: `已更正${entry.volunteerName}的时长：${next.hours} 小时，需由另一位社工或站长审核` });
    settle(new Set([entry.id]));
  };

  const dialogAction = dialog?.kind === 'reject' ? reject : decline;
  return (
    <PageShell className="hours-inbox-page">
      <PageHeader title="时长审核" subtitle="志愿者签退、本人申报和社工录入的时长，审核通过后才计入。" />
      {activityId && (
        <View className="hours-inbox-page__filter">
          <Text className="hours-inbox-page__filter-text">只看：{activity.data?.title ?? '这场活动'}</Text>
          <View
            className="hours-inbox-page__link"
            role="button"
            onClick={() => {
              setSelected(new Set());
              setActivityId(undefined);
            }}
          >
            查看全部
          </View>
        </View>
      )}
      <Button fill="outline" block onClick={() => openPage(ROUTES.hoursAdd)}>
        录入时长
      </Button>

      {outcome && (
        <View
          className={`hours-inbox-page__outcome${outcome.warning ? ' hours-inbox-page__outcome--warning' : ''}`}
          role="status"
        >
          {outcome.text}
        </View>
      )}
      {!list.data && list.loading && <LoadingState />}
      {list.error && !list.data && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && (
        <EmptyState title="没有待审核的时长" description="志愿者签退、本人申报和社工录入的时长都会出现在这里。" />
      )}
      {items.length > 0 && (
        <Text className="hours-inbox-page__counts">
          共 {items.length} 条{flagged > 0 ? ` · ${flagged} 条需核实` : ''}
          {requests > 0 ? ` · ${requests} 条更正申请` : ''}
        </Text>
      )}

      {items.map((entry) => {
        const pending = entry.status === 'pending';
        return (
          <HourEntryCard
            key={entry.id}
            entry={entry}
            selectable={approvable(entry)}
            selected={selected.has(entry.id)}
            onToggle={() => toggle(entry.id)}
            refusal={refusals[entry.id]}
            below={
              <>
                {correcting === entry.id && (
                  <HourCorrectionForm
                    entry={entry}
                    onDone={(next) => corrected(entry, next)}
                    onCancel={() => setCorrecting(null)}
                  />
                )}
                {historyOf === entry.id && <HourHistory entryId={entry.id} />}
              </>
            }
          >
            <Button size="small" fill="outline" onClick={() => setHistoryOf(historyOf === entry.id ? null : entry.id)}>
              {historyOf === entry.id ? '收起记录' : '查看记录'}
            </Button>
            {hasOpenRequest(entry) && (
              <Button size="small" type="danger" fill="outline" onClick={() => setDialog({ kind: 'decline', entry })}>
                不同意更正
              </Button>
            )}
            {entry.status !== 'superseded' && (
              <Button
                size="small"
                type="primary"
                fill="outline"
                onClick={() => setCorrecting(correcting === entry.id ? null : entry.id)}
              >
                更正
              </Button>
            )}
            {pending && (
              <Button size="small" type="danger" fill="outline" onClick={() => setDialog({ kind: 'reject', entry })}>
                不通过
              </Button>
            )}
          </HourEntryCard>
        );
      })}

      {selectable.length > 0 && (
        <View className="hours-inbox-page__bar">
          <View
            className={`hours-inbox-page__all${allChosen ? ' hours-inbox-page__all--on' : ''}`}
            role="checkbox"
            aria-checked={allChosen}
            onClick={toggleAll}
          >
            全选
          </View>
          <Text className="hours-inbox-page__chosen">已选 {chosen.length} 条</Text>
          <Button
            type="primary"
            loading={approve.pending}
            disabled={approve.pending}
            onClick={() => void approveChosen()}
          >
            批量通过
          </Button>
        </View>
      )}
      {approve.error && <ErrorBanner message={approve.error.message} />}

      <View className="hours-inbox-page__export">
        <Text className="hours-inbox-page__heading">导出到中国志愿服务网</Text>
        <RegistryExport />
      </View>

      {dialog && (
        <ReasonDialog
          title={
            dialog.kind === 'reject'
              ? `不通过${dialog.entry.volunteerName}的时长`
              : `不同意${dialog.entry.volunteerName}的更正申请`
          }
          description={
            dialog.kind === 'reject'
              ? '原因会告诉志愿者。不通过的记录只能通过「更正」恢复。'
              : '原因会告诉志愿者，这条记录保持不变。'
          }
          placeholder={dialog.kind === 'reject' ? '原因，例如：当天未到岗' : '原因，例如：已核对签到表，时间无误'}
          confirmText={dialog.kind === 'reject' ? '确定不通过' : '确定不同意'}
          emptyMessage="请填写原因"
          pending={dialogAction.pending}
          error={dialogAction.fieldErrors.reason ?? dialogAction.error?.message}
          onConfirm={(reason) => void confirmDialog(reason)}
          onClose={() => {
            setDialog(null);
            reject.reset();
            decline.reset();
          }}
        />
      )}
    </PageShell>
  );
}
