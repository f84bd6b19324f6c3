import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { HOUR_STATUS_LABELS, type HourEntryView } from '@linli/types/entities/hours';
import HourRecordCard, { entryHours } from '@/components/hour-record';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PhotoGallery from '@/components/photo-gallery';
import ReasonDialog from '@/components/reason-dialog';
import { ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { formatMoment } from '@/services/activity-time';
import { call } from '@/services/api';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

type HourEvent = HourEntryView['history'][number];

const EVENT_LABELS: Record<HourEvent['action'], string> = {
  created: '登记',
  approved: '审核通过',
  rejected: '审核未通过',
  corrected: '更正',
  superseded: '由新版本取代',
};

/** `1.50 → 2.00 小时` for a correction; null otherwise. */
function changeOf(event: HourEvent): string | null {
  if (event.fromHours === undefined || event.toHours === undefined) return null;
  return `${event.fromHours} → ${event.toHours} 小时`;
}

/** A volunteer may ask about the latest version, once at a time. */
export function mayAskCorrection(entry: Pick<HourEntryView, 'status' | 'correctionRequest'>): boolean {
  return entry.status !== 'superseded' && entry.correctionRequest?.answer !== 'open';
}

/**
 * 服务记录 (`?id=`): one record as it stands, its whole trail (who recorded, approved, rejected or
 * corrected it, when and why), the versions before a correction, and 申请更正 with a reason —
 * the social worker's answer shows here and in the list.
 */
export default function EntryPage() {
  const entryId = useRouter().params.id ?? '';
  const history = useAsync(() => call('hours', 'history', { entryId }), [entryId]);
  const [asking, setAsking] = useState(false);
  const ask = useAction((id: string, reason: string, requestId: string) =>
    call('hours', 'requestCorrection', { entryId: id, reason }, { requestId }),
  );

  if (!history.data) {
    return (
      <PageShell>
        {history.error ? <ErrorState error={history.error} onRetry={history.reload} /> : <LoadingState />}
      </PageShell>
    );
  }
  const versions = [...history.data.versions].sort((a, b) => a.version - b.version);
  const latest = versions[versions.length - 1];
  if (!latest) {
    return (
      <PageShell>
        <ErrorState error={{ message: '未找到该时长记录' }} onRetry={history.reload} />
      </PageShell>
    );
  }
  const earlier = versions.slice(0, -1).reverse();

  const submit = async (reason: string) => {
    const updated = await ask.run(latest.id, reason);
    if (!updated) return;
    history.setData({ versions: versions.map((v) => (v.id === updated.id ? updated : v)) });
    setAsking(false);
    toastSuccess('已提交更正申请');
  };

  return (
    <PageShell className="entry-page">
      <PageHeader title="服务记录" subtitle={versions.length > 1 ? `已更正 ${versions.length - 1} 次` : undefined} />
      <HourRecordCard entry={latest} />
      {latest.photoUrl && <PhotoGallery urls={[latest.photoUrl]} label="服务照片" />}
      {latest.note && <Text className="entry-page__note">说明：{latest.note}</Text>}
      {latest.teamName && <Text className="entry-page__note">计入服务队：{latest.teamName}</Text>}

      {mayAskCorrection(latest) && (
        <View className="entry-page__ask">
          <Button type="primary" fill="outline" size="large" block onClick={() => setAsking(true)}>
            申请更正
          </Button>
          <Text className="entry-page__hint">时间或时长不对？说明情况，社工核实后会更正，原记录会保留。</Text>
        </View>
      )}

      <View className="entry-page__section">
        <Text className="entry-page__heading">处理记录</Text>
        {latest.history.map((event, index) => (
          <View key={`${event.at}-${index}`} className="entry-page__event" data-testid="hour-event">
            <Text className="entry-page__event-line">
              {formatMoment(event.at)} · {event.by} · {EVENT_LABELS[event.action]}
              {event.version > 1 ? `（第${event.version}版）` : ''}
            </Text>
            {changeOf(event) && <Text className="entry-page__event-detail">{changeOf(event)}</Text>}
            {event.reason && <Text className="entry-page__event-detail">{event.reason}</Text>}
          </View>
        ))}
      </View>

      {earlier.length > 0 && (
        <View className="entry-page__section">
          <Text className="entry-page__heading">更正前的记录</Text>
          {earlier.map((version) => (
            <View key={version.id} className="entry-page__version" data-testid="hour-version">
              <Text>
                第{version.version}版 · {entryHours(version)} · {HOUR_STATUS_LABELS[version.status]}
              </Text>
            </View>
          ))}
        </View>
      )}

      {asking && (
        <ReasonDialog
          title="申请更正"
          description="请写明哪里不对，例如：实际16:30签退，忘记扫签退码。"
          placeholder="更正原因"
          confirmText="提交申请"
          emptyMessage="请填写更正原因"
          pending={ask.pending}
          error={ask.fieldErrors.reason ?? ask.error?.message}
          onConfirm={(reason) => void submit(reason)}
          onClose={() => {
            setAsking(false);
            ask.reset();
          }}
        />
      )}
    </PageShell>
  );
}
