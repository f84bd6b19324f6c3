import { Text, View } from '@tarojs/components';
import Field from '@/components/field';
import PickerField from '@/components/picker-field';
import { spanLength, type SpanField, type SpanFields } from '@/services/served-span';
import './index.scss';

export interface ServedSpanFieldsProps {
  value: SpanFields;
  onChange: (value: SpanFields) => void;
  /** Messages by field (the form's own check, or the function's field errors). */
  errors?: Partial<Record<SpanField, string>>;
}

/**
 * 服务日期, 开始时间, 结束时间 for a volunteer's hours (录入时长, 更正). The length is shown so a typo
 * (09:00–19:00) stands out; the function computes the minutes that are recorded.
 */
export default function ServedSpanFields({ value, onChange, errors = {} }: ServedSpanFieldsProps) {
  const set = (patch: Partial<SpanFields>) => onChange({ ...value, ...patch });
  const length = spanLength(value);
  return (
    <View className="ll-served-span">
      <Field label="服务日期" error={errors.date}>
        <PickerField
          mode="date"
          label="服务日期"
          value={value.date}
          display={value.date}
          placeholder="请选择日期"
          onChange={(date) => set({ date })}
        />
      </Field>
      <View className="ll-served-span__times">
        <Field label="开始时间" error={errors.startTime}>
          <PickerField
            mode="time"
            label="开始时间"
            value={value.startTime || '09:00'}
            display={value.startTime}
            placeholder="请选择"
            onChange={(startTime) => set({ startTime })}
          />
        </Field>
        <Field label="结束时间" error={errors.endTime}>
          <PickerField
            mode="time"
            label="结束时间"
            value={value.endTime || value.startTime || '10:00'}
            display={value.endTime}
            placeholder="请选择"
            onChange={(endTime) => set({ endTime })}
          />
        </Field>
      </View>
      {length && <Text className="ll-served-span__length">共 {length}，时长由系统按开始、结束时间计算</Text>}
    </View>
  );
}
