import { Text, View } from '@tarojs/components';
import type { ActionOutput } from '@linli/types/api';
import { HOUR_STATUS_LABELS, type HourEntryView } from '@linli/types/entities/hours';
import { hoursText, servedTime } from '@/components/hour-entry-card';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { formatMoment } from '@/services/activity-time';
import './index.scss';

type Event = HourEntryView['history'][number];
type Versions = ActionOutput<'hours', 'history'>['versions'];

const CREATED_LABELS: Record<HourEntryView['source'], string> = {
  scan: '扫码签到签退，生成记录',
  manual: '录入',
  self_report: '申报',
};

const ACTION_LABELS: Record<Exclude<Event['action'], 'created'>, string> = {
  approved: '审核通过',
  rejected: '不通过',
  corrected: '更正',
  superseded: '这一版作废，由更正后的版本代替',
};

/**
 * Every event of every version, once each, oldest first: versions carry the trail forward, so
 * the same event appears in several of them.
 */
export function timeline(versions: Versions): Event[] {
  const seen = new Set<string>();
  const events: Event[] = [];
  for (const version of versions) {
    for (const event of version.history) {
      const key = `${event.action}|${event.version}|${event.at}|${event.by}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(event);
    }
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.version - b.version);
}

function eventText(event: Event, source: HourEntryView['source']): string {
  const what = event.action === 'created' ? CREATED_LABELS[source] : ACTION_LABELS[event.action];
  const change = event.fromHours && event.toHours ? `（${event.fromHours} → ${event.toHours} 小时）` : '';
  return `${event.by} ${what}${change}`;
}

/**
 * 记录: who did what to an entry, when and why — every version, from the first record to the
 * latest decision. Corrections never overwrite: the old versions stay listed with their hours.
 */
export default function HourHistory({ entryId }: { entryId: string }) {
  const history = useAsync(() => call('hours', 'history', { entryId }), [entryId]);
  if (!history.data) {
    if (history.error) {
      return (
        <View className="ll-hour-history__error" role="alert">
          {history.error.message}
        </View>
      );
    }
    return <Text className="ll-hour-history__loading">加载记录…</Text>;
  }
  const versions = [...history.data.versions].sort((a, b) => a.version - b.version);
  const source = versions[0]?.source ?? 'manual';
  return (
    <View className="ll-hour-history" data-testid="hour-history">
      <Text className="ll-hour-history__heading">各版本</Text>
      {versions.map((version) => (
        <Text key={version.id} className="ll-hour-history__version">
          第{version.version}版 · {servedTime(version)} · {hoursText(version)} · {HOUR_STATUS_LABELS[version.status]}
        </Text>
      ))}
      <Text className="ll-hour-history__heading">操作记录</Text>
      {timeline(versions).map((event) => (
        <View key={`${event.action}|${event.version}|${event.at}|${event.by}`} className="ll-hour-history__event">
          <Text className="ll-hour-history__when">
            {formatMoment(event.at)} · 第{event.version}版
          </Text>
          <Text className="ll-hour-history__what">{eventText(event, source)}</Text>
          {event.reason && <Text className="ll-hour-history__why">原因：{event.reason}</Text>}
        </View>
      ))}
    </View>
  );
}
