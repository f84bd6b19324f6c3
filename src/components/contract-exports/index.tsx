import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ContractSummary } from '@linli/types/entities/indicator-report';
import ChoiceChips from '@/components/choice-chips';
import DownloadButton from '@/components/download-button';
import Field from '@/components/field';
import PickerField from '@/components/picker-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/state-views';
import { useAsync } from '@/hooks/use-async';
import { ApiError, call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import './index.scss';

export interface ContractPeriod {
  fromDate: string;
  toDate: string;
}

/** The days an export covers by default: the contract's start to today (its end, once it is over). */
export function defaultPeriod(contract: Pick<ContractSummary, 'periodStart' | 'periodEnd'>, now: Date): ContractPeriod {
  const today = inStation(now).format('YYYY-MM-DD');
  const toDate =
    today < contract.periodEnd ? (today < contract.periodStart ? contract.periodStart : today) : contract.periodEnd;
  return { fromDate: contract.periodStart, toDate };
}

/** The period's problem, checked before asking (the same rules as the ledger actions), or null. */
export function contractPeriodProblem(
  contract: Pick<ContractSummary, 'periodStart' | 'periodEnd'>,
  { fromDate, toDate }: ContractPeriod,
): string | null {
  if (!fromDate || !toDate) return '请选择开始和结束日期';
  if (fromDate > toDate) return '结束日期不能早于开始日期';
  if (fromDate < contract.periodStart || toDate > contract.periodEnd) {
    return `导出的期间须在合同期（${contract.periodStart}至${contract.periodEnd}）内`;
  }
  return null;
}

/**
 * 导出指标完成情况表 and 导出台账 for one of the station's contracts and some days inside it (a
 * mid-term reads part of the year): the ledger function makes the xlsx, saved as every generated
 * file is (services/save-file.ts). docs/indicators.md, "Exports".
 */
export default function ContractExports() {
  const contracts = useAsync(() => call('indicators', 'contracts', {}), []);
  const [chosenId, setChosenId] = useState('');
  const [period, setPeriod] = useState<ContractPeriod | null>(null);

  if (contracts.loading) return <LoadingState />;
  if (contracts.error) return <ErrorState error={contracts.error} onRetry={contracts.reload} />;
  const items = contracts.data?.items ?? [];
  if (items.length === 0) {
    return (
      <EmptyState title="还没有合同" description="请站长先录入合同（或套用模板），再按合同导出完成情况表和台账。" />
    );
  }
  const contract = items.find((c) => c.id === chosenId) ?? items[0]!;
  const days = period ?? defaultPeriod(contract, new Date());
  const choose = (id: string) => {
    setChosenId(id);
    setPeriod(null);
  };
  const ask =
    <T,>(load: (p: ContractPeriod) => Promise<T>) =>
    () => {
      const problem = contractPeriodProblem(contract, days);
      if (problem) return Promise.reject(new ApiError({ code: 'INVALID_INPUT', message: problem }));
      return load(days);
    };

  return (
    <View className="ll-contract-exports">
      <ChoiceChips
        label="合同"
        options={items.map((c) => ({ value: c.id, label: c.name }))}
        value={contract.id}
        onChange={choose}
      />
      <Text className="ll-contract-exports__hint">
        合同期 {contract.periodStart} 至 {contract.periodEnd}。中期评估可只导出合同期的前一段。
      </Text>
      <View className="ll-contract-exports__dates">
        <Field label="开始日期">
          <PickerField
            mode="date"
            label="导出开始日期"
            value={days.fromDate}
            display={days.fromDate}
            onChange={(fromDate) => setPeriod({ ...days, fromDate })}
          />
        </Field>
        <Field label="结束日期">
          <PickerField
            mode="date"
            label="导出结束日期"
            value={days.toDate}
            display={days.toDate}
            onChange={(toDate) => setPeriod({ ...days, toDate })}
          />
        </Field>
      </View>
      <DownloadButton
        text="导出指标完成情况表"
        load={ask((p) => call('ledger', 'completionTable', { contractId: contract.id, ...p }))}
      />
      <Text className="ll-contract-exports__hint">评估方的格式：每个指标的协议量、完成量、百分比，按片区和合计。</Text>
      <DownloadButton
        text="导出活动与签到台账"
        load={ask((p) => call('ledger', 'evidencePack', { contractId: contract.id, ...p }))}
      />
      <Text className="ll-contract-exports__hint">
        期间内每场活动的认定类型和理由、每场签到表、满意度、照片清单和每位志愿者的服务时数。
      </Text>
    </View>
  );
}
