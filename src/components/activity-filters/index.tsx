import { Picker, View } from '@tarojs/components';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type ActivityKind } from '@linli/types/entities/activity-kinds';
import type { StationEntry } from '@/services/session';
import { inStation } from '@/services/dayjs';
import './index.scss';

export interface ActivityFilterValue {
  communityId?: string;
  kind?: ActivityKind;
  /** Only activities from this day on (station time), `YYYY-MM-DD`. */
  fromDate?: string;
}

export interface ActivityFiltersProps {
  station: StationEntry | null;
  value: ActivityFilterValue;
  onChange: (next: ActivityFilterValue) => void;
}

const ALL_COMMUNITIES = '全部社区';
const ALL_KINDS = '全部类型';

/** 社区 / 类型 / 日期: three large pickers over the activity list, and a way back to "all". */
export default function ActivityFilters({ station, value, onChange }: ActivityFiltersProps) {
  const communities = station?.communities ?? [];
  const communityIndex = communities.findIndex((community) => community.id === value.communityId) + 1;
  const kindIndex = value.kind ? ACTIVITY_KINDS.indexOf(value.kind) + 1 : 0;
  const today = inStation().format('YYYY-MM-DD');
  const filtered = !!(value.communityId || value.kind || value.fromDate);

  return (
    <View className="ll-activity-filters">
      <View className="ll-activity-filters__row">
        <Picker
          mode="selector"
          range={[ALL_COMMUNITIES, ...communities.map((community) => community.name)]}
          value={communityIndex}
          onChange={(event) => {
            const picked = communities[Number(event.detail.value) - 1];
            onChange({ ...value, communityId: picked?.id });
          }}
        >
          <Chip
            label={communityIndex > 0 ? communities[communityIndex - 1]!.name : ALL_COMMUNITIES}
            on={communityIndex > 0}
          />
        </Picker>
        <Picker
          mode="selector"
          range={[ALL_KINDS, ...ACTIVITY_KINDS.map((kind) => ACTIVITY_KIND_LABELS[kind])]}
          value={kindIndex}
          onChange={(event) => onChange({ ...value, kind: ACTIVITY_KINDS[Number(event.detail.value) - 1] })}
        >
          <Chip label={value.kind ? ACTIVITY_KIND_LABELS[value.kind] : ALL_KINDS} on={!!value.kind} />
        </Picker>
        <Picker
          mode="date"
          value={value.fromDate ?? today}
          start={today}
          onChange={(event) => onChange({ ...value, fromDate: String(event.detail.value) })}
        >
          <Chip label={value.fromDate ? `${formatShortDate(value.fromDate)}起` : '全部日期'} on={!!value.fromDate} />
        </Picker>
      </View>
      {filtered && (
        <View className="ll-activity-filters__clear" role="button" onClick={() => onChange({})}>
          清除筛选
        </View>
      )}
    </View>
  );
}

function Chip({ label, on }: { label: string; on: boolean }) {
  return <View className={`ll-activity-filters__chip${on ? ' ll-activity-filters__chip--on' : ''}`}>{label} ▾</View>;
}

/** `2026-11-23` → `11月23日`. */
function formatShortDate(date: string): string {
  const [, month, day] = date.split('-');
  return `${Number(month)}月${Number(day)}日`;
}
