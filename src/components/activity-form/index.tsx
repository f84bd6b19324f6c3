import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import type { Activity } from '@linli/types/entities/activity';
import type { PersonRef } from '@linli/types/entities/user';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  SERVICE_AREAS,
  SERVICE_AREA_LABELS,
} from '@linli/types/entities/activity-kinds';
import ChoiceChips from '@/components/choice-chips';
import CommunityPicker from '@/components/community-picker';
import Field from '@/components/field';
import InviteeList from '@/components/invitee-list';
import PickerField from '@/components/picker-field';
import SessionRows from '@/components/session-rows';
import type { StationEntry } from '@/services/session';
import {
  defaultFormState,
  FORM_FIELDS,
  fieldOfPath,
  formStateOf,
  hasSessions,
  toDraft,
  type ActivityDraftInput,
  type ActivityFormState,
  type FormField,
} from './form-state';
import './index.scss';

export interface ActivityFormProps {
  station: StationEntry;
  /** The activity being edited; a new one when absent. */
  initial?: Activity;
  /** Its invitation list (activity.invitees), when it is invitation-only. */
  initialInvitees?: readonly PersonRef[];
  submitText: string;
  submitting: boolean;
  /** Field errors the server answered with (ApiError.fields by path: `endAt`, `draft.capacity` …). */
  serverErrors: Record<string, string>;
  onSubmit: (draft: ActivityDraftInput) => void;
  /** For tests: the clock the defaults are taken from. */
  now?: Date;
}

const SERVICE_AREA_CHOICES = SERVICE_AREAS.map((value) => ({ value, label: SERVICE_AREA_LABELS[value] }));
const AUDIENCE_CHOICES = [
  { value: 'everyone', label: '所有居民' },
  { value: 'invited', label: '仅受邀居民' },
] as const;
const KIND_LABELS = ACTIVITY_KINDS.map((kind) => ACTIVITY_KIND_LABELS[kind]);

/**
 * 发布活动 / 修改活动. Checked against the contract's own schema before sending (so the messages
 * are the function's); the server's field errors are shown next to their fields until that field
 * is edited.
 */
export default function ActivityForm({
  station,
  initial,
  initialInvitees,
  submitText,
  submitting,
  serverErrors,
  onSubmit,
  now,
}: ActivityFormProps) {
  const [state, setState] = useState<ActivityFormState>(() => {
    if (initial) return formStateOf(initial, initialInvitees);
    const only = station.communities.length === 1 ? station.communities[0] : undefined;
    return defaultFormState(now ?? new Date(), only && { areaId: only.areaId, communityId: only.id });
  });
  const [clientErrors, setClientErrors] = useState<Partial<Record<FormField, string>>>({});
  const [edited, setEdited] = useState<ReadonlySet<FormField>>(new Set());

  // A new answer from the server: show all of its field errors again.
  useEffect(() => setEdited(new Set()), [serverErrors]);

  const change = (field: FormField, patch: Partial<ActivityFormState>) => {
    setState((prev) => ({ ...prev, ...patch }));
    setEdited((prev) => new Set(prev).add(field));
    setClientErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const errorFor = (field: FormField): string | undefined => {
    if (clientErrors[field]) return clientErrors[field];
    if (edited.has(field)) return undefined;
    const path = Object.keys(serverErrors).find((key) => fieldOfPath(key) === field);
    return path ? serverErrors[path] : undefined;
  };

  const submit = () => {
    const checked = toDraft(state);
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors({});
    onSubmit(checked.draft);
  };

  const setRole = (index: number, patch: Partial<ActivityFormState['volunteerRoles'][number]>) =>
    change('volunteerRoles', {
      volunteerRoles: state.volunteerRoles.map((row, i) => (i === index ? { ...row, ...patch } : row)),
    });

  const invalid = FORM_FIELDS.filter((field) => errorFor(field));
  return (
    <View className="ll-activity-form">
      <Field label="活动名称" error={errorFor('title')}>
        <Input
          name="title"
          placeholder="例如：长者智能手机课堂"
          value={state.title}
          maxLength={40}
          onChange={(title) => change('title', { title })}
        />
      </Field>

      <Field label="活动类型" error={errorFor('kind')} hint="按服务协议的指标口径选择">
        <PickerField
          label="活动类型"
          mode="selector"
          range={KIND_LABELS}
          value={ACTIVITY_KINDS.indexOf(state.kind)}
          display={ACTIVITY_KIND_LABELS[state.kind]}
          onChange={(index) => change('kind', { kind: ACTIVITY_KINDS[index] ?? state.kind })}
        />
      </Field>

      <Field label="服务领域" error={errorFor('serviceArea')}>
        <ChoiceChips
          label="服务领域"
          options={SERVICE_AREA_CHOICES}
          value={state.serviceArea}
          onChange={(serviceArea) => change('serviceArea', { serviceArea })}
        />
      </Field>

      <Field label="片区与社区" error={errorFor('community')}>
        <CommunityPicker
          stations={[station]}
          value={{ stationId: station.id, communityId: state.communityId }}
          onChange={({ communityId }) => {
            const community = station.communities.find((entry) => entry.id === communityId);
            change('community', { communityId, areaId: community?.areaId ?? '' });
          }}
        />
      </Field>

      <Field label="地点" error={errorFor('place')}>
        <Input
          name="place"
          placeholder="例如：社区党群服务中心二楼活动室"
          value={state.place}
          maxLength={60}
          onChange={(place) => change('place', { place })}
        />
      </Field>

      <Field label={hasSessions(state) ? '第1节日期与开始时间' : '日期与开始时间'} error={errorFor('startAt')}>
        <DateTimePair
          labels={['活动日期', '开始时间']}
          date={state.date}
          time={state.startTime}
          onDate={(date) => change('startAt', { date })}
          onTime={(startTime) => change('startAt', { startTime })}
        />
      </Field>

      <Field label={hasSessions(state) ? '第1节结束时间' : '结束时间'} error={errorFor('endAt')}>
        <PickerField
          label="结束时间"
          mode="time"
          value={state.endTime}
          display={state.endTime}
          onChange={(endTime) => change('endAt', { endTime })}
        />
      </Field>

      {hasSessions(state) && (
        <Field
          label="之后各节"
          optional
          error={errorFor('sessions')}
          hint="小组是一系列活动：居民报名一次，每节分别签到、分别计入服务人次"
        >
          <SessionRows
            first={{ date: state.date, startTime: state.startTime, endTime: state.endTime }}
            rows={state.laterSessions}
            onChange={(laterSessions) => change('sessions', { laterSessions })}
          />
        </Field>
      )}

      <Field label="名额" error={errorFor('capacity')} hint="一户多人报名时按人数占用名额">
        <Input
          name="capacity"
          type="number"
          placeholder="例如：30"
          value={state.capacity}
          maxLength={4}
          onChange={(capacity) => change('capacity', { capacity })}
        />
      </Field>

      <Field label="报名开始" error={errorFor('bookingOpensAt')}>
        <DateTimePair
          labels={['报名开始日期', '报名开始时间']}
          date={state.opensDate}
          time={state.opensTime}
          onDate={(opensDate) => change('bookingOpensAt', { opensDate })}
          onTime={(opensTime) => change('bookingOpensAt', { opensTime })}
        />
      </Field>

      <Field label="报名截止" error={errorFor('bookingClosesAt')}>
        <ChoiceChips
          label="报名截止"
          options={[
            { value: 'start', label: '活动开始时截止' },
            { value: 'custom', label: '另定时间' },
          ]}
          value={state.closesAtStart ? 'start' : 'custom'}
          onChange={(choice) =>
            change('bookingClosesAt', {
              closesAtStart: choice === 'start',
              // Start from the activity's own start when choosing another time.
              closesDate: state.closesDate || state.date,
              closesTime: state.closesTime || state.startTime,
            })
          }
        />
        {!state.closesAtStart && (
          <View className="ll-activity-form__below">
            <DateTimePair
              labels={['报名截止日期', '报名截止时间']}
              date={state.closesDate}
              time={state.closesTime}
              onDate={(closesDate) => change('bookingClosesAt', { closesDate })}
              onTime={(closesTime) => change('bookingClosesAt', { closesTime })}
            />
          </View>
        )}
      </Field>

      <Field label="参加对象" error={errorFor('audience')}>
        <ChoiceChips
          label="参加对象"
          options={AUDIENCE_CHOICES}
          value={state.audience}
          onChange={(audience) => change('audience', { audience })}
        />
        {state.audience === 'invited' && (
          <View className="ll-activity-form__below">
            <InviteeList invitees={state.invitees} onChange={(invitees) => change('audience', { invitees })} />
          </View>
        )}
      </Field>

      <Field label="志愿者岗位" optional error={errorFor('volunteerRoles')}>
        {state.volunteerRoles.map((row, index) => (
          <View key={index} className="ll-activity-form__role">
            <Input
              className="ll-activity-form__role-name"
              name={`role-${index}`}
              placeholder="岗位，例如：引导"
              value={row.role}
              maxLength={20}
              onChange={(role) => setRole(index, { role })}
            />
            <Input
              className="ll-activity-form__role-count"
              name={`role-count-${index}`}
              type="number"
              placeholder="人数"
              value={row.count}
              maxLength={2}
              onChange={(count) => setRole(index, { count })}
            />
            <View
              className="ll-activity-form__remove"
              role="button"
              onClick={() =>
                change('volunteerRoles', { volunteerRoles: state.volunteerRoles.filter((_, i) => i !== index) })
              }
            >
              删除
            </View>
          </View>
        ))}
        {state.volunteerRoles.length < 10 && (
          <Button
            fill="outline"
            type="primary"
            block
            onClick={() =>
              change('volunteerRoles', { volunteerRoles: [...state.volunteerRoles, { role: '', count: '1' }] })
            }
          >
            ＋ 添加岗位
          </Button>
        )}
      </Field>

      <Field label="活动介绍" optional error={errorFor('description')}>
        <TextArea
          className="ll-activity-form__description"
          placeholder="活动内容、需要带的东西、注意事项"
          value={state.description}
          maxLength={1000}
          rows={5}
          onChange={(description) => change('description', { description })}
        />
      </Field>

      {invalid.length > 0 && (
        // The form is long: say near the button that something above needs attention.
        <View className="ll-activity-form__summary">请检查上面标红的{invalid.length}项</View>
      )}
      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={submit}>
        {submitText}
      </Button>
    </View>
  );
}

interface DateTimePairProps {
  /** What the two boxes are called (for screen readers and tests): date, then time. */
  labels: readonly [string, string];
  date: string;
  time: string;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
}

/** A day and a time of day side by side (station time), as the form edits every instant. */
function DateTimePair({ labels, date, time, onDate, onTime }: DateTimePairProps) {
  return (
    <View className="ll-activity-form__pair">
      <PickerField label={labels[0]} mode="date" value={date} display={date} onChange={onDate} />
      <PickerField label={labels[1]} mode="time" value={time} display={time} onChange={onTime} />
    </View>
  );
}
