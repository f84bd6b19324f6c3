import { View } from '@tarojs/components';
import { useState } from 'react';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import './index.scss';

export interface NameEditorProps {
  /** The current name; empty for "add a new one". */
  initial?: string;
  placeholder: string;
  submitText: string;
  pending: boolean;
  error?: string;
  /** Resolves true when saved: the editor then closes (rename) or clears (add). */
  onSubmit: (name: string) => Promise<boolean>;
  onCancel?: () => void;
}

/** One line to type a name (片区, 社区) and save it: used for both adding and renaming. */
export default function NameEditor({
  initial = '',
  placeholder,
  submitText,
  pending,
  error,
  onSubmit,
  onCancel,
}: NameEditorProps) {
  const [name, setName] = useState(initial);
  const [localError, setLocalError] = useState<string>();

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setLocalError('请填写名称');
      return;
    }
    setLocalError(undefined);
    if ((await onSubmit(trimmed)) && !initial) setName('');
  };

  const shown = localError ?? error;
  return (
    <View className="ll-name-editor">
      <View className="ll-name-editor__line">
        <Input
          className="ll-name-editor__input"
          name="name"
          placeholder={placeholder}
          value={name}
          maxLength={30}
          onChange={(value) => {
            setName(value);
            setLocalError(undefined);
          }}
        />
        <Button type="primary" size="small" loading={pending} disabled={pending} onClick={() => void submit()}>
          {submitText}
        </Button>
        {onCancel && (
          <Button size="small" fill="none" onClick={onCancel}>
            取消
          </Button>
        )}
      </View>
      {shown && (
        <View className="ll-name-editor__error" role="alert">
          {shown}
        </View>
      )}
    </View>
  );
}
