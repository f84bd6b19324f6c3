import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { HourEntryView } from '@linli/types/entities/hours';
import Field from '@/components/field';
import ServedSpanFields from '@/components/served-span-fields';
import { ErrorBanner } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import {
  checkSpan,
  spanFieldOfPath,
  spanFieldsOf,
  type ServedSpan,
  type SpanField,
  type SpanFields,
} from '@/services/served-span';
import './index.scss';

export interface HourCorrectionFormProps {
  entry: HourEntryView;
  /** The new version, as the function answered it (pending, for someone else to approve). */
  onDone: (corrected: HourEntryView) => void;
  onCancel: () => void;
}

/** The same bounds as the action's `reason` (2–200 characters, trimmed). */
const REASON_MAX = 200;

/**
 * 更正: the actual date and times, and why. The function makes a new version with the minutes
 * of these times, pending again; the old version stays in the record. Whoever corrects may not
 * approve the correction.
 */
export default function HourCorrectionForm({ entry, onDone, onCancel }: HourCorrectionFormProps) {
  const [fields, setFields] = useState<SpanFields>(() => spanFieldsOf(entry.startAt, entry.endAt, entry.servedAt));
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Partial<Record<SpanField | 'reason', string>>>({});
  const correct = useAction((span: ServedSpan, text: string, requestId: string) =>
    call('hours', 'correct', { entryId: entry.id, span, reason: text }, { requestId }),
  );

  const submit = async () => {
    const found: typeof problems = {};
    const check = checkSpan(fields, new Date());
    if (!check.ok) found[check.field] = check.message;
    const text = reason.trim();
    if (text.length < 2) found.reason = '请填写更正原因';
    setProblems(found);
    if (!check.ok || found.reason) return;
    const corrected = await correct.run(check.span, text);
    if (corrected) onDone(corrected);
  };

  const serverErrors: Partial<Record<SpanField | 'reason', string>> = {};
  for (const [path, message] of Object.entries(correct.fieldErrors)) {
    const field = path === 'reason' ? 'reason' : spanFieldOfPath(path);
    if (field && !serverErrors[field]) serverErrors[field] = message;
  }
  const shown = { ...serverErrors, ...problems };
  const request = entry.correctionRequest?.answer === 'open' ? entry.correctionRequest : null;
  return (
    <View className="ll-hour-correction" role="form" aria-label={`更正${entry.volunteerName}的时长`}>
      <Text className="ll-hour-correction__title">更正{entry.volunteerName}的时长</Text>
      <Text className="ll-hour-correction__hint">
        填写实际的服务时间，系统按时间重新计算时长。原记录保留，更正后的记录需由另一位社工或站长审核。
        {request ? '提交更正即答复志愿者的更正申请。' : ''}
      </Text>
      <ServedSpanFields
        value={fields}
        onChange={(next) => {
          setFields(next);
          setProblems({ ...problems, date: undefined, startTime: undefined, endTime: undefined });
        }}
        errors={shown}
      />
      <Field label="更正原因" error={shown.reason} hint="志愿者和审核人会看到，例如：志愿者忘记签退，据现场社工核实">
        <Input
          name="correction-reason"
          placeholder="更正原因"
          value={reason}
          maxLength={REASON_MAX}
          onChange={(value) => {
            setReason(value);
            setProblems({ ...problems, reason: undefined });
          }}
        />
      </Field>
      {correct.error && Object.keys(correct.fieldErrors).length === 0 && (
        <ErrorBanner message={correct.error.message} />
      )}
      <View className="ll-hour-correction__actions">
        <Button block disabled={correct.pending} onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" block loading={correct.pending} disabled={correct.pending} onClick={() => void submit()}>
          提交更正
        </Button>
      </View>
    </View>
  );
}
