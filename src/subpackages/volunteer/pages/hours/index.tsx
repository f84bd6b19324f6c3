import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { MyHours } from '@linli/types/entities/hours';
import ChoiceChips from '@/components/choice-chips';
import HourBars from '@/components/hour-bars';
import HourRecordCard from '@/components/hour-record';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

type Breakdown = 'month' | 'team' | 'activity';

const BREAKDOWNS = [
  { value: 'month', label: '按月' },
  { value: 'team', label: '按服务队' },
  { value: 'activity', label: '按服务' },
] as const;

const BUCKETS: Record<Breakdown, (hours: MyHours) => MyHours['byMonth']> = {
  month: (hours) => hours.byMonth,
  team: (hours) => hours.byTeam,
  activity: (hours) => hours.byActivity,
};

/**
 * 我的服务时长: the hours that count (approved; overlapping time once — the function's figures,
 * never added up here), this year's, what still waits for review, a picture by month, team or
 * service, and every record with its state. A record opens its history and 申请更正.
 */
export default function HoursPage() {
  const mine = useAsync(() => call('hours', 'mine', {}), []);
  usePageRefresh(mine.reload);
  const [breakdown, setBreakdown] = useState<Breakdown>('month');

  if (!mine.data) {
    if (mine.error?.code === 'FORBIDDEN') {
      return (
        <PageShell>
          <EmptyState
            title="审核通过的志愿者才有服务时长"
            description="请先在「我的志愿服务」里注册，并等待社工审核。"
          />
        </PageShell>
      );
    }
    return (
      <PageShell>{mine.error ? <ErrorState error={mine.error} onRetry={mine.reload} /> : <LoadingState />}</PageShell>
    );
  }
  const hours = mine.data;
  return (
    <PageShell className="hours-page">
      <PageHeader title="我的服务时长" subtitle="社工审核通过的时长才计入；同一时段只算一次。" />
      <View className="hours-page__total" data-testid="hours-total">
        <Text className="hours-page__total-label">累计服务时长</Text>
        <Text className="hours-page__total-number">
          {hours.totalHours}
          <Text className="hours-page__unit"> 小时</Text>
        </Text>
        <View className="hours-page__figures">
          <Text className="hours-page__figure">今年 {hours.yearHours} 小时</Text>
          <Text className="hours-page__figure hours-page__figure--pending">待审核 {hours.pendingHours} 小时</Text>
        </View>
      </View>

      <View className="hours-page__actions">
        <Button type="primary" fill="outline" block onClick={() => openPage(ROUTES.volunteerReport)}>
          申报服务
        </Button>
        <Button type="primary" fill="outline" block onClick={() => openPage(ROUTES.volunteerCertificate)}>
          开具服务记录证明
        </Button>
      </View>

      <View className="hours-page__section">
        <Text className="hours-page__heading">时长分布</Text>
        <ChoiceChips label="时长分布" options={BREAKDOWNS} value={breakdown} onChange={setBreakdown} />
        <View className="hours-page__bars">
          <HourBars buckets={BUCKETS[breakdown](hours)} empty="还没有审核通过的时长" />
        </View>
      </View>

      <View className="hours-page__section">
        <Text className="hours-page__heading">服务记录（{hours.entries.length}）</Text>
        {hours.entries.length === 0 && (
          <EmptyState
            title="还没有服务记录"
            description="在活动现场扫志愿者签到码、签退码，或申报在App外完成的服务，记录会显示在这里。"
          />
        )}
        {hours.entries.map((entry) => (
          <HourRecordCard
            key={entry.id}
            entry={entry}
            onClick={() => openPage(ROUTES.volunteerEntry, { id: entry.id })}
          />
        ))}
      </View>
    </PageShell>
  );
}
