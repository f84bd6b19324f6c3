import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Dashboard, Drift, IndicatorRow, ReportCell } from '@linli/types/entities/indicator-report';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/**
 * The bar's width for a cell: its completion as the server formats it ("166.67%"), capped at the
 * full bar. The number itself is never recomputed here — the server's text is printed beside it.
 */
export function barWidth(completion: string | null): number {
  if (!completion) return 0;
  const value = Number.parseFloat(completion);
  return Number.isFinite(value) ? Math.max(0, Math.min(100, value)) : 0;
}

/** 指标完成情况: every indicator by 片区 and 合计, against the share of the period elapsed. */
export default function DashboardPage() {
  return (
    <StaffGate need="staff">
      <DashboardView />
    </StaffGate>
  );
}

function DashboardView() {
  const contractId = useRouter().params.id ?? '';
  const { isAdmin } = useSession();
  const dashboard = useAsync(() => call('indicators', 'dashboard', { contractId }), [contractId]);
  usePageRefresh(dashboard.reload);

  if (!dashboard.data && dashboard.loading)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (!dashboard.data) {
    return (
      <PageShell>
        <ErrorState error={dashboard.error ?? { message: '加载失败' }} onRetry={dashboard.reload} />
      </PageShell>
    );
  }
  const data = dashboard.data;
  return (
    <PageShell className="dashboard-page">
      <PageHeader title={data.contract.name} subtitle={`${data.contract.periodStart} 至 ${data.contract.periodEnd}`} />
      <Elapsed data={data} />
      <Button size="small" onClick={() => openPage(ROUTES.ledgerExports)}>
        导出完成情况表与台账
      </Button>
      {isAdmin && <AdminTools contractId={contractId} onRecomputed={dashboard.reload} />}
      {data.indicators.map((row) => (
        <IndicatorCard key={row.id} contractId={contractId} row={row} elapsedShare={data.elapsed.share} />
      ))}
      <View className="dashboard-page__notes">
        <Text className="dashboard-page__meta">{data.settingsText}</Text>
        {data.notes.map((note) => (
          <Text key={note} className="dashboard-page__meta">
            {note}
          </Text>
        ))}
      </View>
    </PageShell>
  );
}

function Elapsed({ data }: { data: Dashboard }) {
  return (
    <View className="dashboard-page__elapsed">
      <Text>时间进度：{data.elapsed.text}</Text>
      <View className="dashboard-page__track" aria-label="时间进度">
        <View
          className="dashboard-page__fill dashboard-page__fill--time"
          style={{ width: `${barWidth(data.elapsed.share)}%` }}
        />
      </View>
    </View>
  );
}

function IndicatorCard({
  contractId,
  row,
  elapsedShare,
}: {
  contractId: string;
  row: IndicatorRow;
  elapsedShare: string;
}) {
  const open = (cell: ReportCell) =>
    openPage(ROUTES.indicatorDrilldown, { contract: contractId, indicator: row.id, area: cell.areaId ?? '' });
  return (
    <View className="dashboard-page__card" aria-label={row.name}>
      <Text className="dashboard-page__section">{row.section}</Text>
      <Text className="dashboard-page__name">
        {row.name}（{row.unit}）
      </Text>
      <Text className="dashboard-page__meta">
        {row.measureLabel}
        {row.filterText ? ` · ${row.filterText}` : ''}
      </Text>
      {row.measure === 'manual_count' && (
        <Button
          size="small"
          onClick={() => openPage(ROUTES.indicatorCounts, { contract: contractId, indicator: row.id })}
        >
          填报与更正
        </Button>
      )}
      {!row.source.available && (
        <Text className="dashboard-page__unavailable">{row.source.message ?? '数据来源尚未启用'}</Text>
      )}
      {[...row.cells, row.total].map((cell) => (
        <View key={cell.areaId ?? 'total'} className="dashboard-page__cell" onClick={() => open(cell)}>
          <View className="dashboard-page__cell-head">
            <Text className="dashboard-page__area">{cell.areaName}</Text>
            <Text>
              {cell.doneText}
              {cell.target !== null ? ` / ${cell.target}` : ''}
              {cell.completion ? ` · ${cell.completion}` : ''}
            </Text>
          </View>
          {cell.target !== null && cell.done !== null && (
            <View className="dashboard-page__track">
              <View
                className={`dashboard-page__fill dashboard-page__fill--${cell.status}`}
                style={{ width: `${barWidth(cell.completion)}%` }}
              />
              {!row.rate && <View className="dashboard-page__marker" style={{ left: `${barWidth(elapsedShare)}%` }} />}
            </View>
          )}
          <Text className={`dashboard-page__status dashboard-page__status--${cell.status}`}>
            {cell.statusText}
            {cell.expectedByNow ? `（按时间进度应完成 ${cell.expectedByNow}）` : ''}
          </Text>
        </View>
      ))}
      {row.frequency && (
        <View className="dashboard-page__frequency">
          <Text className="dashboard-page__meta">频次要求：{row.frequency.label}</Text>
          {row.frequency.unavailable && (
            <Text className="dashboard-page__unavailable">{row.frequency.unavailable}</Text>
          )}
          <View className="dashboard-page__windows">
            {row.frequency.windows.map((w) => (
              <Text key={w.key} className={`dashboard-page__window dashboard-page__window--${w.state}`}>
                {w.label} {w.doneText}
              </Text>
            ))}
          </View>
          {row.frequency.shortfalls.length > 0 && (
            <Text className="dashboard-page__short">未达标：{row.frequency.shortfalls.join('、')}</Text>
          )}
        </View>
      )}
    </View>
  );
}

/** 站长: aggregate again now, and compare the stored roll-ups with the raw records. */
function AdminTools({ contractId, onRecomputed }: { contractId: string; onRecomputed: () => void }) {
  const recompute = useAction((requestId: string) => call('indicators', 'recompute', { contractId }, { requestId }));
  // A read: no requestId needed, but useAction gives the pending and error state.
  const drift = useAction((_requestId: string) => call('indicators', 'driftCheck', { contractId }));
  const [checked, setChecked] = useState<Drift | null>(null);

  const runRecompute = async () => {
    const done = await recompute.run();
    if (!done) return;
    toastSuccess(`已重新汇总 ${done.months.length} 个月`);
    onRecomputed();
  };
  const runDrift = async () => {
    const result = await drift.run();
    if (result) setChecked(result);
  };
  return (
    <View className="dashboard-page__tools">
      <View className="dashboard-page__actions">
        <Button size="small" loading={recompute.pending} onClick={() => void runRecompute()}>
          重新汇总
        </Button>
        <Button size="small" loading={drift.pending} onClick={() => void runDrift()}>
          核对汇总
        </Button>
      </View>
      {recompute.error && <ErrorBanner message={recompute.error.message} />}
      {drift.error && <ErrorBanner message={drift.error.message} />}
      {checked && <DriftText result={checked} />}
    </View>
  );
}

const DRIFT_STATE = { same: '一致', differs: '有差异', missing: '未存汇总', open: '未结束（实时计算）' } as const;

function DriftText({ result }: { result: Drift }) {
  return (
    <View className="dashboard-page__drift">
      <Text>
        {result.differing === 0 ? '核对完成：已存汇总与原始记录一致' : `核对完成：${result.differing} 处差异`}
      </Text>
      {result.months.map((m) => (
        <View key={m.month}>
          <Text className="dashboard-page__meta">
            {m.month} {DRIFT_STATE[m.state]}
          </Text>
          {m.differences.map((d) => (
            <Text key={`${d.indicatorId}-${d.areaId ?? 'total'}`} className="dashboard-page__short">
              {d.name} {d.areaName}：已存 {d.stored}，重算 {d.fresh}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
