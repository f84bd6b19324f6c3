import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { DrillDown } from '@linli/types/entities/indicator-report';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import './index.scss';

const PAGE = 50;

/** The records behind one dashboard cell, each with why it counted (or did not). */
export default function DrilldownPage() {
  return (
    <StaffGate need="staff">
      <Drilldown />
    </StaffGate>
  );
}

function Drilldown() {
  const { contract = '', indicator = '', area = '' } = useRouter().params;
  const [limit, setLimit] = useState(PAGE);
  const contractRead = useAsync(() => call('indicators', 'contract', { contractId: contract }), [contract]);
  const drill = useAsync(
    () =>
      call('indicators', 'drillDown', { contractId: contract, indicatorId: indicator, areaId: area || null, limit }),
    [contract, indicator, area, limit],
  );
  const named = contractRead.data?.indicators.find((i) => i.id === indicator);

  return (
    <PageShell className="drilldown-page">
      <PageHeader title={named?.name ?? '计入的记录'} subtitle={contractRead.data?.name} />
      {!drill.data && drill.loading && <LoadingState />}
      {drill.error && !drill.data && <ErrorState error={drill.error} onRetry={drill.reload} />}
      {drill.data && <Records data={drill.data} />}
      {drill.data && 'items' in drill.data && drill.data.items.length < drill.data.total && (
        // The action answers at most 200 at a time: beyond that the export has the full list.
        <Button
          block
          loading={drill.loading}
          disabled={limit >= 200}
          onClick={() => setLimit(Math.min(200, limit + PAGE))}
        >
          {limit >= 200 ? '更多记录请导出台账查看' : '加载更多'}
        </Button>
      )}
    </PageShell>
  );
}

function Records({ data }: { data: DrillDown }) {
  if (data.kind === 'unavailable') return <EmptyState title="暂无数据" description={data.message} />;
  if (data.items.length === 0) return <EmptyState title="没有记录" description="这一格还没有计入任何记录。" />;
  switch (data.kind) {
    case 'sessions':
      return (
        <View>
          <Text className="drilldown-page__summary">
            共 {data.total} 场，计入 {data.counted} 场
          </Text>
          {data.items.map((s) => (
            <View
              key={`${s.activityId}-${s.session}`}
              className={`drilldown-page__row${s.included ? '' : ' drilldown-page__row--out'}`}
            >
              <Text className="drilldown-page__title">
                {s.title}
                {s.sessionLabel ? ` ${s.sessionLabel}` : ''}
              </Text>
              <Text className="drilldown-page__meta">
                {inStation(s.startAt).format('YYYY-MM-DD HH:mm')} · {s.areaName} {s.communityName} · 签到 {s.headcount}{' '}
                人
              </Text>
              <Text className="drilldown-page__badge">{s.included ? '计入' : '未计入'}</Text>
              <Text className="drilldown-page__reason">{s.reason}</Text>
            </View>
          ))}
        </View>
      );
    case 'hour_entries':
      return (
        <View>
          <Text className="drilldown-page__summary">{data.note}</Text>
          {data.items.map((e) => (
            <Row
              key={e.entryId}
              title={`${e.volunteerName} ${e.hours} 小时`}
              meta={`${e.date} · ${e.areaName} · ${e.content}`}
            />
          ))}
        </View>
      );
    case 'volunteers':
      return (
        <View>
          {data.items.map((v) => (
            <Row key={v.volunteerId} title={v.name} meta={`${v.date} · ${v.areaName}`} />
          ))}
        </View>
      );
    case 'teams':
      return (
        <View>
          {data.items.map((t) => (
            <Row key={t.teamId} title={t.name} meta={`成立于 ${t.createdOn}`} />
          ))}
        </View>
      );
    case 'manual':
      return (
        <View>
          {data.items.map((m) => (
            <Row
              key={m.id}
              title={`${m.value}（${m.areaName ?? '全站'}）`}
              meta={`${m.date} · ${m.note} · ${m.recordedByName}录入`}
            />
          ))}
        </View>
      );
    case 'satisfaction':
      return (
        <View>
          {data.items.map((a) => (
            <Row
              key={a.activityId}
              title={`${a.title} ${a.rate ?? '无人评价'}`}
              meta={`${a.date} · ${a.kindLabel} · ${a.areaName} · ${a.satisfied}/${a.rated} 满意`}
            />
          ))}
        </View>
      );
  }
}

function Row({ title, meta }: { title: string; meta: string }) {
  return (
    <View className="drilldown-page__row">
      <Text className="drilldown-page__title">{title}</Text>
      <Text className="drilldown-page__meta">{meta}</Text>
    </View>
  );
}
