import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Contract, ManualCount } from '@linli/types/entities/indicator-report';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PhotoPicker from '@/components/photo-picker';
import PickerField from '@/components/picker-field';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import { toastSuccess } from '@/services/feedback';
import './index.scss';

/** The action's bounds: at most 9 photos; a count not negative with at most two decimals. */
const MAX_PHOTOS = 9;
const WHOLE_STATION = 'station';

/** The typed number as the action takes it, or why not (the same rules as its countValue). */
export function parseCount(text: string): { value: number } | { problem: string } {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return { problem: '请填写数量（不能为负数，最多两位小数）' };
  return { value: Number(trimmed) };
}

/** 手工填报: the numbers the records cannot prove (个案, 宣传资料 …), each with its evidence. */
export default function CountsPage() {
  return (
    <StaffGate need="staff">
      <Counts />
    </StaffGate>
  );
}

function Counts() {
  const { contract: contractId = '', indicator = '' } = useRouter().params;
  const contract = useAsync(() => call('indicators', 'contract', { contractId }), [contractId]);
  const counts = useAsync(
    () => call('indicators', 'counts', { contractId, indicatorId: indicator }),
    [contractId, indicator],
  );

  if (contract.loading && !contract.data)
    return (
      <PageShell>
        <LoadingState />
      </PageShell>
    );
  if (!contract.data) {
    return (
      <PageShell>
        <ErrorState error={contract.error ?? { message: '加载失败' }} onRetry={contract.reload} />
      </PageShell>
    );
  }
  const named = contract.data.indicators.find((i) => i.id === indicator);
  return (
    <PageShell className="counts-page">
      <PageHeader title={named ? `${named.name}（${named.unit}）` : '手工填报'} subtitle={contract.data.name} />
      {contract.data.status === 'active' && (
        <NewCount contract={contract.data} indicatorId={indicator} onSaved={counts.reload} />
      )}
      <Text className="counts-page__heading">填报记录</Text>
      {!counts.data && counts.loading && <LoadingState />}
      {counts.error && !counts.data && <ErrorState error={counts.error} onRetry={counts.reload} />}
      {counts.data && counts.data.items.length === 0 && (
        <EmptyState title="还没有填报" description="填报后计入指标完成量。" />
      )}
      {counts.data && (
        <History items={counts.data.items} editable={contract.data.status === 'active'} onSaved={counts.reload} />
      )}
    </PageShell>
  );
}

interface NewArgs {
  areaId: string | null;
  date: string;
  value: number;
  note: string;
  photoFileIds: string[];
}

function NewCount({
  contract,
  indicatorId,
  onSaved,
}: {
  contract: Contract;
  indicatorId: string;
  onSaved: () => void;
}) {
  const station = useAsync(() => call('station', 'get', {}), []);
  const [area, setArea] = useState(WHOLE_STATION);
  const [date, setDate] = useState(() => inStation().format('YYYY-MM-DD'));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string>();
  // The picker starts over after a save: a new key remounts it empty.
  const [round, setRound] = useState(0);
  const record = useAction((args: NewArgs, requestId: string) =>
    call('indicators', 'recordCount', { contractId: contract.id, indicatorId, ...args }, { requestId }),
  );
  const contractAreas = (station.data?.areas ?? []).filter(
    (a) => contract.areaIds.length === 0 || contract.areaIds.includes(a.id),
  );

  const submit = async () => {
    const parsed = parseCount(value);
    if ('problem' in parsed) return setProblem(parsed.problem);
    if (note.trim().length < 2) return setProblem('请写明佐证（如台账名称、活动名称）');
    setProblem(undefined);
    const saved = await record.run({
      areaId: area === WHOLE_STATION ? null : area,
      date,
      value: parsed.value,
      note: note.trim(),
      photoFileIds: photos,
    });
    if (!saved) return;
    toastSuccess('已填报');
    setValue('');
    setNote('');
    setPhotos([]);
    setRound(round + 1);
    onSaved();
  };

  return (
    <View className="counts-page__new" role="form" aria-label="新填报">
      <Text className="counts-page__heading">新填报</Text>
      <Field label="片区">
        <ChoiceChips
          label="片区"
          options={[
            { value: WHOLE_STATION, label: '全站（只计入合计）' },
            ...contractAreas.map((a) => ({ value: a.id, label: a.name })),
          ]}
          value={area}
          onChange={setArea}
        />
      </Field>
      <Field label="日期">
        <PickerField mode="date" label="日期" value={date} display={date} onChange={setDate} />
      </Field>
      <Field label="数量" error={record.fieldErrors.value}>
        <Input name="count-value" type="digit" placeholder="数量" value={value} onChange={setValue} />
      </Field>
      <Field label="佐证说明" error={record.fieldErrors.note} hint="如：个案台账第3册，3月新开个案2个">
        <Input name="count-note" placeholder="佐证说明" value={note} maxLength={200} onChange={setNote} />
      </Field>
      <Field label="佐证照片" optional>
        <PhotoPicker key={round} max={MAX_PHOTOS} onChange={setPhotos} onBusyChange={setUploading} />
      </Field>
      {(problem || (record.error && Object.keys(record.fieldErrors).length === 0)) && (
        <ErrorBanner message={problem ?? record.error!.message} />
      )}
      <Button type="primary" block loading={record.pending} disabled={uploading} onClick={() => void submit()}>
        提交填报
      </Button>
    </View>
  );
}

/** Current records first, each with the versions it replaced (kept, not counted). */
function History({ items, editable, onSaved }: { items: ManualCount[]; editable: boolean; onSaved: () => void }) {
  const current = items.filter((c) => c.current);
  return (
    <View>
      {current.map((c) => (
        <CountRow
          key={c.rootId}
          count={c}
          older={items.filter((o) => o.rootId === c.rootId && !o.current).sort((a, b) => b.version - a.version)}
          editable={editable}
          onSaved={onSaved}
        />
      ))}
    </View>
  );
}

function CountRow({
  count,
  older,
  editable,
  onSaved,
}: {
  count: ManualCount;
  older: ManualCount[];
  editable: boolean;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(String(count.value));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const correct = useAction((next: number, why: string, requestId: string) =>
    call(
      'indicators',
      'correctCount',
      { rootId: count.rootId, version: count.version, value: next, reason: why },
      { requestId },
    ),
  );
  const submit = async () => {
    const parsed = parseCount(value);
    if ('problem' in parsed) return setProblem(parsed.problem);
    if (reason.trim().length < 2) return setProblem('请填写更正原因');
    setProblem(undefined);
    const saved = await correct.run(parsed.value, reason.trim());
    if (!saved) return;
    toastSuccess('已更正');
    setOpen(false);
    onSaved();
  };
  return (
    <View className="counts-page__row" aria-label={`填报 ${count.date} ${count.value}`}>
      <Text className="counts-page__value">
        {count.value}（{count.areaName ?? '全站'}）
      </Text>
      <Text className="counts-page__meta">
        {count.date} · {count.note} · {count.recordedByName}录入{count.version > 1 ? ` · 第${count.version}版` : ''}
      </Text>
      {count.reason && <Text className="counts-page__meta">更正原因：{count.reason}</Text>}
      {count.photoFileIds.length > 0 && (
        <Text className="counts-page__meta">佐证照片 {count.photoFileIds.length} 张</Text>
      )}
      {older.map((o) => (
        <Text key={o.id} className="counts-page__old">
          第{o.version}版：{o.value}（已更正，不再计数）
        </Text>
      ))}
      {editable && !open && (
        <Button size="small" onClick={() => setOpen(true)}>
          更正
        </Button>
      )}
      {open && (
        <View className="counts-page__correct" role="form" aria-label="更正填报">
          <Field label="更正后的数量" hint="撤销即更正为0">
            <Input name="correct-value" type="digit" placeholder="更正后的数量" value={value} onChange={setValue} />
          </Field>
          <Field label="更正原因">
            <Input name="correct-reason" placeholder="更正原因" value={reason} maxLength={200} onChange={setReason} />
          </Field>
          {(problem || correct.error) && <ErrorBanner message={problem ?? correct.error!.message} />}
          <View className="counts-page__actions">
            <Button block onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button type="primary" block loading={correct.pending} onClick={() => void submit()}>
              提交更正
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
