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

export interface WalkInFormProps {
  activityId: string;
  station: StationEntry;
  onSignedIn: (result: SignInResult) => void;
}

type WalkInField = 'name' | 'community' | 'phone';

/**
 * 现场登记: someone who came without booking and is not in the system yet — name, community and,
 * if they like, a phone number. The function records which staff member registered them.
 */
export default function WalkInForm({ activityId, station, onSignedIn }: WalkInFormProps) {
  const [name, setName] = useState('');
  const [communityId, setCommunityId] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Partial<Record<WalkInField, string>>>({});
  const register = useAction((walkIn: { name: string; communityId: string; phone?: string }, requestId: string) =>
    call('checkin', 'proxySignIn', { activityId, walkIn }, { requestId }),
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
    const result = await register.run({
      name: name.trim(),
      communityId,
      ...(phone.trim() ? { phone: phone.trim() } : {}),
    });
    if (!result) return;
    setName('');
    setPhone('');
    setCommunityId('');
    onSignedIn(result);
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
        登记并签到
      </Button>
    </View>
  );
}
