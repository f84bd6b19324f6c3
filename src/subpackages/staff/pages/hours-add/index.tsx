import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { ActionInput } from '@linli/types/api';
import type { HourEntryView } from '@linli/types/entities/hours';
import type { VolunteerSummary } from '@linli/types/entities/volunteer';
import ChoiceChips from '@/components/choice-chips';
import Field from '@/components/field';
import NoticeCard from '@/components/notice-card';
import PageHeader from '@/components/page-header';
import PageShell from '@/components/page-shell';
import ServedSpanFields from '@/components/served-span-fields';
import StaffGate from '@/components/staff-gate';
import { ErrorBanner, ErrorState, LoadingState } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { useAsync } from '@/hooks/use-async';
import { call } from '@/services/api';
import { ROUTES, openPage } from '@/services/routes';
import { checkSpan, defaultSpan, spanFieldOfPath, type SpanField, type SpanFields } from '@/services/served-span';
import './index.scss';

type AddInput = ActionInput<'hours', 'add'>;
type Problems = Partial<Record<'volunteer' | SpanField | 'content' | 'note', string>>;

/** The same bounds as the action (content 2–60, note up to 200 characters). */
const CONTENT_MAX = 60;
const NOTE_MAX = 200;
/** Enough rows to pick from without scrolling past the form; the filter narrows the rest. */
const SHOWN_MAX = 30;

const CONTENT_CHOICES = [
  { value: '入户探访', label: '入户探访' },
  { value: '电话探访', label: '电话探访' },
  { value: '活动协助', label: '活动协助' },
] as const;
type QuickContent = (typeof CONTENT_CHOICES)[number]['value'];

/** Volunteers whose name, community or phone tail contains what was typed. */
export function matchVolunteers(items: readonly VolunteerSummary[], query: string): VolunteerSummary[] {
  const text = query.trim();
  if (!text) return [...items];
  return items.filter((item) =>
    [item.realName, item.communityName ?? '', item.phoneMasked.slice(-4)].some((value) => value.includes(text)),
  );
}

/**
 * 录入时长 (`?volunteerId=` to start with one): a social worker records service that happened
 * outside the app (入户探访, 电话探访) for an approved volunteer — who, which day, from when to
 * when, what. The function computes the hours; the entry waits for another social worker or
 * the 站长 to approve it (whoever typed a number may not certify it).
 */
export default function HoursAddPage() {
  return (
    <StaffGate need="staff">
      <HoursAdd />
    </StaffGate>
  );
}

function HoursAdd() {
  const params = useRouter().params;
  const volunteers = useAsync(() => call('volunteer', 'registrations', { status: 'approved' }), []);
  const [volunteerId, setVolunteerId] = useState(params.volunteerId ?? '');
  const [query, setQuery] = useState('');
  const [span, setSpan] = useState<SpanFields>(() => defaultSpan(new Date()));
  const [content, setContent] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState<HourEntryView | null>(null);
  // The whole entry is the intent: a retry after a lost answer sends the same requestId, so
  // the hours are not recorded twice.
  const add = useAction((input: AddInput, requestId: string) => call('hours', 'add', input, { requestId }));

  const chosen = volunteers.data?.items.find((item) => item.volunteerId === volunteerId);

  const submit = async () => {
    const found: Problems = {};
    if (!chosen) found.volunteer = '请选择志愿者';
    const check = checkSpan(span, new Date());
    if (!check.ok) found[check.field] = check.message;
    const text = content.trim();
    if (text.length < 2) found.content = '请填写服务内容';
    setProblems(found);
    if (Object.keys(found).length > 0 || !check.ok) return;
    const entry = await add.run({
      volunteerId,
      span: check.span,
      content: text,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (entry) setDone(entry);
  };

  const again = () => {
    setDone(null);
    setSpan(defaultSpan(new Date()));
    setContent('');
    setNote('');
    setProblems({});
  };

  const header = <PageHeader title="录入时长" subtitle="为App外的服务（入户探访、电话探访等）录入志愿者的服务时长。" />;
  if (done) {
    return (
      <PageShell className="hours-add-page">
        {header}
        <NoticeCard
          title={`已为${done.volunteerName}录入 ${done.hours} 小时，待审核`}
          description="这条时长需由另一位社工或站长在「时长审核」中通过后才计入。您本人不能审核自己录入的时长。"
          actionText="再录一条"
          onAction={again}
        />
        <View className="hours-add-page__after">
          <Button fill="outline" block onClick={() => openPage(ROUTES.hoursInbox)}>
            去时长审核
          </Button>
        </View>
      </PageShell>
    );
  }
  if (!volunteers.data) {
    return (
      <PageShell>
        {volunteers.error ? <ErrorState error={volunteers.error} onRetry={volunteers.reload} /> : <LoadingState />}
      </PageShell>
    );
  }

  const serverErrors: Problems = {};
  for (const [path, message] of Object.entries(add.fieldErrors)) {
    const field =
      path === 'volunteerId' ? 'volunteer' : path === 'content' || path === 'note' ? path : spanFieldOfPath(path);
    if (field && !serverErrors[field]) serverErrors[field] = message;
  }
  const shown: Problems = { ...serverErrors, ...problems };
  const matches = matchVolunteers(volunteers.data.items, query);
  const clear = (field: keyof Problems) => setProblems({ ...problems, [field]: undefined });
  return (
    <PageShell className="hours-add-page">
      {header}
      <View className="hours-add-page__rule" role="note">
        录入后需由<Text className="hours-add-page__strong">另一位社工或站长</Text>
        审核通过才计入志愿时长：谁录入，谁不能审核。
      </View>

      <Field label="志愿者" error={shown.volunteer}>
        {chosen ? (
          <View className="hours-add-page__chosen" data-testid="chosen-volunteer">
            <View className="hours-add-page__who">
              <Text className="hours-add-page__name">{chosen.realName}</Text>
              <Text className="hours-add-page__meta">
                {[chosen.communityName, chosen.phoneMasked].filter(Boolean).join(' · ')}
              </Text>
            </View>
            <View className="hours-add-page__change" role="button" onClick={() => setVolunteerId('')}>
              更换
            </View>
          </View>
        ) : (
          <View className="hours-add-page__picker">
            <Input
              name="volunteer-filter"
              placeholder="输入姓名或手机尾号筛选"
              value={query}
              maxLength={20}
              onChange={setQuery}
            />
            {volunteers.data.items.length === 0 && (
              <Text className="hours-add-page__meta">本站还没有审核通过的志愿者</Text>
            )}
            {volunteers.data.items.length > 0 && matches.length === 0 && (
              <Text className="hours-add-page__meta">没有找到，换个字试试</Text>
            )}
            <View role="radiogroup" aria-label="志愿者">
              {matches.slice(0, SHOWN_MAX).map((item) => (
                <View
                  key={item.volunteerId}
                  className="hours-add-page__option"
                  role="radio"
                  aria-checked={false}
                  data-testid="volunteer-option"
                  onClick={() => {
                    setVolunteerId(item.volunteerId);
                    clear('volunteer');
                  }}
                >
                  <Text className="hours-add-page__name">{item.realName}</Text>
                  <Text className="hours-add-page__meta">
                    {[item.communityName, item.phoneMasked].filter(Boolean).join(' · ')}
                  </Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </Field>

      <ServedSpanFields
        value={span}
        onChange={(next) => {
          setSpan(next);
          setProblems({ ...problems, date: undefined, startTime: undefined, endTime: undefined });
        }}
        errors={shown}
      />

      <Field label="服务内容" error={shown.content}>
        <Input
          name="hours-content"
          placeholder="例如：入户探访"
          value={content}
          maxLength={CONTENT_MAX}
          onChange={(value) => {
            setContent(value);
            clear('content');
          }}
        />
      </Field>
      <View className="hours-add-page__quick">
        <ChoiceChips<QuickContent>
          label="常用服务内容"
          options={CONTENT_CHOICES}
          value={CONTENT_CHOICES.some((choice) => choice.value === content) ? (content as QuickContent) : ''}
          onChange={(value) => {
            setContent(value);
            clear('content');
          }}
        />
      </View>
      <Field label="说明" optional error={shown.note} hint="例如：与李社工一同探访独居长者王伯，陪同就医">
        <Input
          name="hours-note"
          placeholder="服务对象、同行人员等"
          value={note}
          maxLength={NOTE_MAX}
          onChange={(value) => {
            setNote(value);
            clear('note');
          }}
        />
      </Field>

      {add.error && Object.keys(add.fieldErrors).length === 0 && <ErrorBanner message={add.error.message} />}
      <Button
        type="primary"
        size="large"
        block
        loading={add.pending}
        disabled={add.pending}
        onClick={() => void submit()}
      >
        提交录入
      </Button>
    </PageShell>
  );
}
