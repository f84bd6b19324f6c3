import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RegistrationStatus, VolunteerSummary } from '@linli/types/entities/volunteer';
import ChoiceChips from '@/components/choice-chips';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import RegistrationBadge from '@/components/registration-badge';
import StaffGate from '@/components/staff-gate';
import StatusBadge from '@/components/status-badge';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { formatDay } from '@/services/activity-time';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

type Filter = RegistrationStatus | 'all';

const FILTERS = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'all', label: '全部' },
] as const;

const EMPTY_TEXT: Record<Filter, string> = {
  pending: '没有待审核的志愿者登记',
  approved: '还没有审核通过的志愿者',
  rejected: '没有未通过的登记',
  all: '还没有人登记成为志愿者',
};

const ORDER: Record<RegistrationStatus, number> = { pending: 0, approved: 1, rejected: 2 };

/** 待审核 first, then approved, then rejected; the function's order (newest first) within each. */
export function pendingFirst(items: readonly VolunteerSummary[]): VolunteerSummary[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => ORDER[a.item.status] - ORDER[b.item.status] || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * 志愿者: the station's volunteer registrations, 待审核 first. Phones are masked here, as on every
 * list; the full number and the emergency contact are only on a volunteer's own page.
 */
export default function VolunteersPage() {
  return (
    <StaffGate need="staff">
      <Volunteers />
    </StaffGate>
  );
}

function Volunteers() {
  const { station } = useSession();
  const [filter, setFilter] = useState<Filter>('pending');
  const list = useAsync(() => call('volunteer', 'registrations', filter === 'all' ? {} : { status: filter }), [filter]);
  usePageRefresh(list.reload);
  const items = list.data ? pendingFirst(list.data.items) : [];

  return (
    <PageShell className="volunteers-page">
      <PageHeader title="志愿者" subtitle={station?.name} />
      <ChoiceChips label="登记状态" options={FILTERS} value={filter} onChange={setFilter} />
      <View className="volunteers-page__list">
        {!list.data && list.loading && <LoadingState />}
        {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
        {list.data && items.length === 0 && (
          <EmptyState title={EMPTY_TEXT[filter]} description="居民在「我的 → 志愿者」登记后，会出现在这里等待审核。" />
        )}
        {items.map((volunteer) => (
          <View
            key={volunteer.volunteerId}
            className="volunteers-page__row"
            role="button"
            data-testid="volunteer-row"
            onClick={() => openPage(ROUTES.staffVolunteer, { id: volunteer.volunteerId })}
          >
            <View className="volunteers-page__head">
              <Text className="volunteers-page__name">{volunteer.realName}</Text>
              {volunteer.core && <StatusBadge text="骨干" tone="primary" />}
              <RegistrationBadge status={volunteer.status} />
            </View>
            <Text className="volunteers-page__meta">
              {[volunteer.communityName, volunteer.phoneMasked].filter(Boolean).join(' · ')}
            </Text>
            {volunteer.skills.length > 0 && (
              <Text className="volunteers-page__meta">技能：{volunteer.skills.join('、')}</Text>
            )}
            {volunteer.teams.length > 0 && (
              <Text className="volunteers-page__meta">队伍：{volunteer.teams.map((team) => team.name).join('、')}</Text>
            )}
            <Text className="volunteers-page__applied">{formatDay(volunteer.appliedAt)} 登记 ›</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
