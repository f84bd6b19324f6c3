import { View } from '@tarojs/components';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import './index.scss';

export interface InputActionProps {
  name: string;
  placeholder: string;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
  buttonText: string;
  pending: boolean;
  onSubmit: () => void;
  /** What went wrong with the last submit, under the line. */
  error?: string;
}

/** One line to type into and a button beside it (查找 a person, 签到 by a typed code). */
export default function InputAction({
  name,
  placeholder,
  value,
  maxLength,
  onChange,
  buttonText,
  pending,
  onSubmit,
  error,
}: InputActionProps) {
  return (
    <View className="ll-input-action">
      <View className="ll-input-action__line">
        <Input
          className="ll-input-action__input"
          name={name}
          placeholder={placeholder}
          value={value}
          maxLength={maxLength}
          onChange={onChange}
        />
        <Button type="primary" loading={pending} disabled={pending} onClick={onSubmit}>
          {buttonText}
        </Button>
      </View>
      {error && (
        <View className="ll-input-action__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}
