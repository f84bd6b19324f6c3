import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { feedbackActions } from '@linli/types/actions/feedback';
import type { ActionInput, ActionOutput } from '@linli/types/api';
import { COMPLAINT_CATEGORY_LABELS, type ComplaintCategory, type ComplaintView } from '@linli/types/entities/complaint';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import PickerField from '@/components/picker-field';
import { ErrorBanner } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { formatDay } from '@/services/activity-time';
import { call } from '@/services/api';
import './index.scss';

type SubmitInput = ActionInput<'feedback', 'submit'>;
type Options = ActionOutput<'feedback', 'options'>;
type FieldName = 'category' | 'text' | 'aboutActivityId' | 'aboutStaffId';

const CATEGORIES = (['opinion', 'suggestion', 'complaint'] as const).map((value) => ({
  value,
  label: COMPLAINT_CATEGORY_LABELS[value],
}));

const NONE = '不指定';

export interface ComplaintFormProps {
  options: Options;
  /** Opened from an activity's page: that activity is chosen already. */
  initialActivityId?: string;
  onSent: (complaint: ComplaintView) => void;
}

/**
 * 意见反馈's form: what kind (意见 / 建议 / 投诉), what happened, optionally which activity or
 * which staff member it is about, and whether to stay anonymous to everyone but the person who
 * handles it. Checked here with the action's own schema, then again by the function.
 */
export default function ComplaintForm({ options, initialActivityId, onSent }: ComplaintFormProps) {
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [text, setText] = useState('');
  const [activityIndex, setActivityIndex] = useState(() =>
    Math.max(0, options.activities.findIndex((a) => a.id === initialActivityId) + 1),
  );
  const [staffIndex, setStaffIndex] = useState(0);
  const [anonymous, setAnonymous] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<FieldName, string>>>({});
  const submit = useAction((input: SubmitInput, requestId: string) => call('feedback', 'submit', input, { requestId }));

  const activityRange = useMemo(
    () => [NONE, ...options.activities.map((a) => `${a.title}（${formatDay(a.startAt)}）`)],
    [options.activities],
  );
  const staffRange = useMemo(
    () => [NONE, ...options.staff.map((s) => (s.admin ? `${s.name}（站长）` : s.name))],
    [options.staff],
  );
  const activity = activityIndex > 0 ? options.activities[activityIndex - 1] : undefined;
  const staff = staffIndex > 0 ? options.staff[staffIndex - 1] : undefined;

  const errorFor = (field: FieldName): string | undefined => clientErrors[field] ?? submit.fieldErrors[field];

  const send = async () => {
    const candidate = {
      category,
      text,
      anonymous,
      ...(activity ? { aboutActivityId: activity.id } : {}),
      ...(staff ? { aboutStaffId: staff.id } : {}),
    };
    const parsed = feedbackActions.submit.input.safeParse(candidate);
    if (!parsed.success) {
      const errors: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]) as FieldName;
        if (!errors[field]) errors[field] = field === 'category' ? '请选择意见、建议或投诉' : issue.message;
      }
      setClientErrors(errors);
      return;
    }
    setClientErrors({});
    const sent = await submit.run(parsed.data);
    if (sent) onSent(sent);
  };

  const hasFieldErrors = Object.keys(submit.fieldErrors).length > 0;
  return (
    <View className="ll-complaint-form">
      {submit.error && !hasFieldErrors && <ErrorBanner message={submit.error.message} />}
      <Field label="类别" error={errorFor('category')}>
        <ChoiceChips
          label="类别"
          options={CATEGORIES}
          value={category}
          onChange={(value) => {
            setCategory(value);
            setClientErrors((prev) => ({ ...prev, category: undefined }));
          }}
        />
      </Field>
      <Field label="内容" hint="发生了什么、在哪里、希望怎样改进" error={errorFor('text')}>
        <TextArea
          className="ll-complaint-form__text"
          placeholder="请写下您的意见、建议或投诉"
          value={text}
          maxLength={1000}
          rows={5}
          onChange={(value) => {
            setText(value);
            setClientErrors((prev) => ({ ...prev, text: undefined }));
          }}
        />
      </Field>
      <Field label="关于哪个活动" optional error={errorFor('aboutActivityId')}>
        <PickerField
          label="关于哪个活动"
          mode="selector"
          range={activityRange}
          value={activityIndex}
          display={activity ? activityRange[activityIndex]! : ''}
          placeholder={NONE}
          onChange={setActivityIndex}
        />
      </Field>
      <Field
        label="关于哪位工作人员"
        optional
        hint="关于工作人员的意见由站长亲自处理，这位工作人员看不到"
        error={errorFor('aboutStaffId')}
      >
        <PickerField
          label="关于哪位工作人员"
          mode="selector"
          range={staffRange}
          value={staffIndex}
          display={staff ? staffRange[staffIndex]! : ''}
          placeholder={NONE}
          onChange={setStaffIndex}
        />
      </Field>
      <View
        className={`ll-complaint-form__anonymous${anonymous ? ' ll-complaint-form__anonymous--on' : ''}`}
        role="switch"
        aria-checked={anonymous}
        aria-label="匿名"
        onClick={() => setAnonymous(!anonymous)}
      >
        <View className="ll-complaint-form__anonymous-text">
          <Text className="ll-complaint-form__anonymous-title">匿名</Text>
          <Text className="ll-complaint-form__anonymous-hint">除负责处理的工作人员外，其他人看不到是谁提交的</Text>
        </View>
        <View className="ll-complaint-form__track">
          <View className="ll-complaint-form__knob" />
        </View>
      </View>
      <Text className="ll-complaint-form__promise">
        提交后会指定专人处理，2天内答复；您可以在「我的反馈」里查看进度和答复。
      </Text>
      <View className="ll-complaint-form__submit">
        <Button
          type="primary"
          size="large"
          block
          loading={submit.pending}
          disabled={submit.pending}
          onClick={() => void send()}
        >
          提交
        </Button>
      </View>
    </View>
  );
}
