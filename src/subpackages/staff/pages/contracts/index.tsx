import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ContractTemplate } from '@linli/types/entities/indicators';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import PickerField from '@/components/picker-field';
import StaffGate from '@/components/staff-gate';
import { EmptyState, ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { usePageRefresh } from '@/hooks/use-page-refresh';
import { useSession } from '@/hooks/use-session';
import { call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import { toastSuccess } from '@/services/feedback';
import { ROUTES, openPage } from '@/services/routes';
import './index.scss';

/** 指标: the station's contracts; the 站长 creates one from a template and archives. */
export default function ContractsPage() {
  return (
    <StaffGate need="staff">
      <Contracts />
    </StaffGate>
  );
}

function Contracts() {
  const session = useSession();
  const contracts = useAsync(() => call('indicators', 'contracts', {}), []);
  usePageRefresh(contracts.reload);
  const [confirming, setConfirming] = useState<string | null>(null);
  const archive = useAction((contractId: string, requestId: string) =>
    call('indicators', 'archiveContract', { contractId }, { requestId }),
  );

  const doArchive = async (contractId: string) => {
    const done = await archive.run(contractId);
    setConfirming(null);
    if (!done) return;
    toastSuccess('已归档');
    contracts.reload();
  };

  return (
    <PageShell className="contracts-page">
      <PageHeader title="指标" subtitle={session.station?.name} />
      {session.isAdmin && <NewFromTemplate onCreated={(id) => openPage(ROUTES.indicatorDashboard, { id })} />}
      <View className="contracts-page__list">
        <Text className="contracts-page__heading">本站合同</Text>
        {archive.error && <ErrorBanner message={archive.error.message} />}
        {!contracts.data && contracts.loading && <LoadingState />}
        {contracts.error && !contracts.data && <ErrorState error={contracts.error} onRetry={contracts.reload} />}
        {contracts.data && contracts.data.items.length === 0 && (
          <EmptyState
            title="还没有合同"
            description={session.isAdmin ? '套用上面的模板新建一份合同。' : '请站长录入合同后再查看指标。'}
          />
        )}
        {contracts.data?.items.map((c) => (
          <View key={c.id} className="contracts-page__row">
            <View className="contracts-page__who" onClick={() => openPage(ROUTES.indicatorDashboard, { id: c.id })}>
              <Text className="contracts-page__name">{c.name}</Text>
              <Text className="contracts-page__meta">
                {c.periodStart} 至 {c.periodEnd} · {c.indicatorCount} 项指标
              </Text>
            </View>
            <View className="contracts-page__actions">
              <Button size="small" type="primary" onClick={() => openPage(ROUTES.indicatorDashboard, { id: c.id })}>
                完成情况
              </Button>
              {session.isAdmin &&
                (confirming === c.id ? (
                  <Button size="small" type="danger" loading={archive.pending} onClick={() => void doArchive(c.id)}>
                    确认归档
                  </Button>
                ) : (
                  <Button size="small" onClick={() => setConfirming(c.id)}>
                    归档
                  </Button>
                ))}
            </View>
          </View>
        ))}
      </View>
    </PageShell>
  );
}

interface CreateArgs {
  templateId: string;
  periodStart: string;
  periodEnd: string;
  areaMap: Record<string, string>;
}

/**
 * Quick periods: the template's own (transcribed from a past year's file) or this calendar year,
 * which is what a station taking a template for its new contract usually means.
 */
function periodChoices(template: ContractTemplate) {
  const year = inStation().format('YYYY');
  return [
    {
      value: 'template',
      label: `模板期限（${template.draft.periodStart} 至 ${template.draft.periodEnd}）`,
      start: template.draft.periodStart,
      end: template.draft.periodEnd,
    },
    { value: 'year', label: `${year}年全年`, start: `${year}-01-01`, end: `${year}-12-31` },
  ];
}

/** 从模板新建: pick a template, say which of the station's 片区 each template 片区 is, set the period. */
function NewFromTemplate({ onCreated }: { onCreated: (contractId: string) => void }) {
  const templates = useAsync(() => call('indicators', 'templates', {}), []);
  const station = useAsync(() => call('station', 'get', {}), []);
  const [templateId, setTemplateId] = useState('');
  const [period, setPeriod] = useState<{ start: string; end: string } | null>(null);
  const [areaMap, setAreaMap] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string>();
  const create = useAction((args: CreateArgs, requestId: string) =>
    call('indicators', 'createFromTemplate', args, { requestId }),
  );

  if (templates.loading || station.loading) return <LoadingState />;
  if (templates.error) return <ErrorState error={templates.error} onRetry={templates.reload} />;
  if (station.error) return <ErrorState error={station.error} onRetry={station.reload} />;
  const items = templates.data?.items ?? [];
  const areas = station.data?.areas ?? [];
  const template: ContractTemplate | undefined = items.find((t) => t.id === templateId);
  const keys = template?.draft.areaIds ?? [];
  const start = period?.start ?? template?.draft.periodStart ?? '';
  const end = period?.end ?? template?.draft.periodEnd ?? '';

  const choose = (id: string) => {
    setTemplateId(id);
    setPeriod(null);
    setAreaMap({});
    setProblem(undefined);
    create.reset();
  };
  const submit = async () => {
    if (!template) return setProblem('请先选择模板');
    // The same rule as the action: every template 片区 mapped, each to a different 片区.
    if (keys.some((k) => !areaMap[k])) return setProblem('请为模板的每个片区选择本站对应的片区');
    if (new Set(keys.map((k) => areaMap[k])).size !== keys.length)
      return setProblem('模板的不同片区不能对应同一个片区');
    if (end < start) return setProblem('结束日期不能早于开始日期');
    setProblem(undefined);
    const made = await create.run({ templateId: template.id, periodStart: start, periodEnd: end, areaMap });
    if (!made) return;
    toastSuccess('已新建合同');
    onCreated(made.id);
  };

  return (
    <View className="contracts-page__new">
      <Text className="contracts-page__heading">从模板新建</Text>
      <ChoiceChips
        label="模板"
        options={items.map((t) => ({ value: t.id, label: t.title }))}
        value={templateId}
        onChange={choose}
      />
      {template && (
        <>
          <Text className="contracts-page__meta">
            {template.source} · {template.draft.indicators.length} 项指标
          </Text>
          {keys.map((key) => (
            <Field key={key} label={`模板的 ${key} 对应本站`}>
              <ChoiceChips
                label={`模板的 ${key} 对应本站`}
                options={areas.map((a) => ({ value: a.id, label: a.name }))}
                value={areaMap[key] ?? ''}
                onChange={(areaId) => setAreaMap({ ...areaMap, [key]: areaId })}
              />
            </Field>
          ))}
          <Field label="期限">
            <ChoiceChips
              label="期限"
              options={periodChoices(template)}
              value={periodChoices(template).find((c) => c.start === start && c.end === end)?.value ?? ''}
              onChange={(value) => {
                const choice = periodChoices(template).find((c) => c.value === value);
                if (choice) setPeriod({ start: choice.start, end: choice.end });
              }}
            />
          </Field>
          <Field label="开始日期">
            <PickerField
              mode="date"
              label="开始日期"
              value={start}
              display={start}
              onChange={(d) => setPeriod({ start: d, end })}
            />
          </Field>
          <Field label="结束日期" error={problem ?? create.error?.message}>
            <PickerField
              mode="date"
              label="结束日期"
              value={end}
              display={end}
              onChange={(d) => setPeriod({ start, end: d })}
            />
          </Field>
          <Button type="primary" block loading={create.pending} onClick={() => void submit()}>
            新建合同
          </Button>
        </>
      )}
    </View>
  );
}
