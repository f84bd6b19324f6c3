import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export interface FieldProps {
  label: string;
  /** Marks the label as optional (选填). */
  optional?: boolean;
  hint?: string;
  /** The message for this field (client check or ApiError.fields); shown under the control. */
  error?: string;
  children: ReactNode;
}

/** One form row: label, control, hint, and the error that belongs to this field. */
export default function Field({ label, optional, hint, error, children }: FieldProps) {
  return (
    <View className={`ll-field${error ? ' ll-field--invalid' : ''}`}>
      <Text className="ll-field__label">
        {label}
        {optional && <Text className="ll-field__optional">（选填）</Text>}
      </Text>
      <View className="ll-field__control">{children}</View>
      {hint && !error && <Text className="ll-field__hint">{hint}</Text>}
      {error && (
        <View className="ll-field__error" role="alert">
          {error}
        </View>
      )}
    </View>
  );
}
