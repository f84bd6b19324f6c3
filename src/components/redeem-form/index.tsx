import { View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { redeemInvitationInput } from '@linli/types/actions/account';
import Field from '@/components/field';
import './index.scss';

export interface RedeemFormProps {
  submitting: boolean;
  /** What the server said about the code (invalid / used / expired, or a field error). */
  error?: string;
  onSubmit: (code: string) => void;
}

/** Enter the 8-character invitation code a station director handed out. */
export default function RedeemForm({ submitting, error, onSubmit }: RedeemFormProps) {
  const [code, setCode] = useState('');
  const [clientError, setClientError] = useState<string>();
  const [editedSinceError, setEditedSinceError] = useState(false);

  const submit = () => {
    const parsed = redeemInvitationInput.safeParse({ code });
    if (!parsed.success) {
      setClientError(parsed.error.issues[0]?.message ?? '邀请码为8位字母或数字');
      return;
    }
    setClientError(undefined);
    setEditedSinceError(false);
    onSubmit(parsed.data.code);
  };

  return (
    <View className="ll-redeem-form">
      <Field
        label="邀请码"
        error={clientError ?? (editedSinceError ? undefined : error)}
        hint="8位字母或数字，不区分大小写"
      >
        <Input
          name="code"
          className="ll-redeem-form__input"
          placeholder="请输入邀请码"
          value={code}
          maxLength={8}
          onChange={(value) => {
            setCode(value.toUpperCase());
            setClientError(undefined);
            setEditedSinceError(true);
          }}
        />
      </Field>
      <Button type="primary" size="large" block loading={submitting} disabled={submitting} onClick={submit}>
        兑换
      </Button>
    </View>
  );
}
