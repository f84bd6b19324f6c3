import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import './index.scss';

export interface ReasonDialogProps {
  title: string;
  description?: string;
  placeholder: string;
  confirmText: string;
  pending: boolean;
  /** The server's answer (a field error for `reason`, or the whole refusal). */
  error?: string;
  /** Checked here before sending; the same rule as the action's schema (2–100 characters). */
  emptyMessage: string;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * A confirmation that needs a reason (取消活动, 撤销签到): the reason is kept with the record and
 * shown to others, so it is asked for every time. Rendered only while open.
 */
export default function ReasonDialog({
  title,
  description,
  placeholder,
  confirmText,
  pending,
  error,
  emptyMessage,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string>();

  const confirm = () => {
    const trimmed = reason.trim();
    if (trimmed.length < 2) {
      setLocalError(emptyMessage);
      return;
    }
    setLocalError(undefined);
    onConfirm(trimmed);
  };

  const shown = localError ?? error;
  return (
    <View className="ll-reason-dialog" role="dialog" aria-label={title}>
      <View className="ll-reason-dialog__card">
        <Text className="ll-reason-dialog__title">{title}</Text>
        {description && <Text className="ll-reason-dialog__text">{description}</Text>}
        <Input
          className="ll-reason-dialog__input"
          name="reason"
          placeholder={placeholder}
          value={reason}
          maxLength={100}
          onChange={(value) => {
            setReason(value);
            setLocalError(undefined);
          }}
        />
        {shown && (
          <View className="ll-reason-dialog__error" role="alert">
            {shown}
          </View>
        )}
        <View className="ll-reason-dialog__actions">
          <Button block disabled={pending} onClick={onClose}>
            返回
          </Button>
          <Button type="danger" block loading={pending} disabled={pending} onClick={confirm}>
            {confirmText}
          </Button>
        </View>
      </View>
    </View>
  );
}
