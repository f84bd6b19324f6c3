import { View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import type { SignInResult } from '@linli/types/actions/checkin';
import { personNameSchema, phoneSchema } from '@linli/types/entities/common';
import CommunityPicker from '@/components/community-picker';
import Field from '@/components/field';
import { ErrorBanner } from '@/components/state-views';
import { useAction } from '@/hooks/use-action';
import { call } from '@/services/api';
import type { StationEntry } from '@/services/session';
import './index.scss';

/** A new resident's details, as `checkin.proxySignIn` and `checkin.recordPaper` take them. */
export interface WalkInDetails {
  name: string;
  communityId: string;
  phone?: string;
}

export type WalkInFormProps = { station: StationEntry } & (
  | {
      /** 现场登记: registered and signed in at once. */
      activityId: string;
      onSignedIn: (result: SignInResult) => void;
      onAdd?: never;
    }
  | {
      /** 纸质签到补录: checked here, then added to a list the page sends later; nothing is written. */
      onAdd: (walkIn: WalkInDetails) => void;
      activityId?: never;
      onSignedIn?: never;
    }
);

type WalkInField = 'name' | 'community' | 'phone';

/**
 * 现场登记: someone who is not in the system yet — name, community and, if they like, a phone
 * number. At the door they are registered and signed in at once (the function records which
 * staff member registered them); for a paper list they are only collected.
 */
export default function WalkInForm({ activityId, station, onSignedIn, onAdd }: WalkInFormProps) {
  const [name, setName] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Partial<Record<WalkInField, string>>>({});
  const register = useAction((walkIn: WalkInDetails, requestId: string) =>
    call('checkin', 'proxySignIn', { activityId: activityId ?? '', walkIn }, { requestId }),
  );

  const submit = async () => {
    const found: Partial<Record<WalkInField, string>> = {};
    const parsedName = personNameSchema.safeParse(name);
    if (!parsedName.success) found.name = parsedName.error.issues[0]?.message;
    if (!communityId) found.community = '请选择所在社区';
    const parsedPhone = phone.trim() ? phoneSchema.safeParse(phone.trim()) : null;
    if (parsedPhone && !parsedPhone.success) found.phone = parsedPhone.error.issues[0]?.message;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const walkIn: WalkInDetails = {
      name: name.trim(),
      communityId,
      ...(phone.trim() ? { phone: phone.trim() } : {}),
    };
    if (onAdd) {
      onAdd(walkIn);
    } else {
      const result = await register.run(walkIn);
      if (!result) return;
      onSignedIn?.(result);
    }
    setName('');
    setPhone('');
    setCommunityId('');
  };

  // The function's field errors arrive as `walkIn.name` …
  const serverError = (field: string) => register.fieldErrors[`walkIn.${field}`];
  const hasFieldErrors = Object.keys(register.fieldErrors).length > 0;
  return (
    <View className="ll-walk-in-form">
      {register.error && !hasFieldErrors && <ErrorBanner message={register.error.message} />}
      <Field label="姓名" error={errors.name ?? serverError('name')}>
        <Input name="walkin-name" placeholder="居民姓名" value={name} maxLength={20} onChange={setName} />
      </Field>
      <Field label="所在社区" error={errors.community ?? serverError('communityId')}>
        <CommunityPicker
          stations={[station]}
          value={{ stationId: station.id, communityId }}
          onChange={(next) => setCommunityId(next.communityId)}
        />
      </Field>
      <Field label="手机号" optional error={errors.phone ?? serverError('phone')} hint="居民同意后再填写">
        <Input
          name="walkin-phone"
          type="tel"
          placeholder="11位手机号"
          value={phone}
          maxLength={11}
          onChange={setPhone}
        />
      </Field>
      <Button
        type="primary"
        size="large"
        block
        loading={register.pending}
        disabled={register.pending}
        onClick={() => void submit()}
      >
        {onAdd ? '加入名单' : '登记并签到'}
      </Button>
    </View>
  );
}
