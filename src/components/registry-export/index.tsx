import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import ChoiceChips from '@/components/choice-chips';
import DownloadButton from '@/components/download-button';
import Field from '@/components/field';
import PickerField from '@/components/picker-field';
import { ApiError, call } from '@/services/api';
import { inStation } from '@/services/dayjs';
import './index.scss';

export interface Period {
  fromDate: string;
  toDate: string;
}

type Preset = 'this_month' | 'last_month' | 'this_year';

const PRESETS = [
  { value: 'this_month', label: '本月' },
  { value: 'last_month', label: '上月' },
  { value: 'this_year', label: '今年' },
] as const;

/** A period by name, in station time: 本月 runs to today. */
export function presetPeriod(preset: Preset, now: Date): Period {
  const today = inStation(now);
  const day = 'YYYY-MM-DD';
  if (preset === 'last_month') {
    const last = today.startOf('month').subtract(1, 'day');
    return { fromDate: last.startOf('month').format(day), toDate: last.format(day) };
  }
  const from = preset === 'this_year' ? today.startOf('year') : today.startOf('month');
  return { fromDate: from.format(day), toDate: today.format(day) };
}

/** The function exports at most a year at a time. */
const MAX_DAYS = 366;

/** The period's problem, checked before asking (the same rules as the action), or null. */
export function periodProblem({ fromDate, toDate }: Period): string | null {
  if (!fromDate || !toDate) return '请选择开始和结束日期';
  if (fromDate > toDate) return '结束日期不能早于开始日期';
  const days = (Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_DAYS) return '一次最多导出一年';
  return null;
}

/**
 * 导出志愿服务时长 for the national registry (中国志愿服务网): a period, then the xlsx the ledger
 * function makes from the approved hours, saved like the 签到表 (services/save-file.ts).
 */
export default function RegistryExport() {
  const [preset, setPreset] = useState<Preset | ''>('this_month');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('this_month', new Date()));

  const pick = (next: Preset) => {
    setPreset(next);
    setPeriod(presetPeriod(next, new Date()));
  };
  const load = () => {
    const problem = periodProblem(period);
    if (problem) return Promise.reject(new ApiError({ code: 'INVALID_INPUT', message: problem }));
    return call('ledger', 'volunteerRegistry', period);
  };

  return (
    <View className="ll-registry-export">
      <Text className="ll-registry-export__hint">
        按中国志愿服务网的录入格式，导出所选期间审核通过的志愿服务时长（Excel）。导入前请删除最后一行「合计」；身份证号本系统不收集，需在志愿服务网补全。
      </Text>
      <ChoiceChips label="导出期间" options={PRESETS} value={preset} onChange={pick} />
      <View className="ll-registry-export__dates">
        <Field label="开始日期">
          <PickerField
            mode="date"
            label="导出开始日期"
            value={period.fromDate}
            display={period.fromDate}
            onChange={(fromDate) => {
              setPreset('');
              setPeriod({ ...period, fromDate });
            }}
          />
        </Field>
        <Field label="结束日期">
          <PickerField
            mode="date"
            label="导出结束日期"
            value={period.toDate}
            display={period.toDate}
            onChange={(toDate) => {
              setPreset('');
              setPeriod({ ...period, toDate });
            }}
          />
        </Field>
      </View>
      <DownloadButton text="导出志愿服务时长" load={load} />
    </View>
  );
}
