import { Picker, View } from '@tarojs/components';
import './index.scss';

interface Common {
  /** What the box shows (the chosen value in words). */
  display: string;
  placeholder?: string;
  disabled?: boolean;
  /** Names the box for tests and screen readers. */
  label: string;
}

export type PickerFieldProps = Common &
  (
    | { mode: 'date'; value: string; start?: string; onChange: (date: string) => void }
    | { mode: 'time'; value: string; onChange: (time: string) => void }
    | { mode: 'selector'; range: string[]; value: number; onChange: (index: number) => void }
  );

/**
 * A form box that opens the platform's picker (a wheel on WeChat, Taro's own on H5): dates,
 * times, and choices from a long list such as the activity kinds.
 */
export default function PickerField(props: PickerFieldProps) {
  const box = (
    <View className={`ll-picker-field${props.display ? '' : ' ll-picker-field--empty'}`} aria-label={props.label}>
      {props.display || props.placeholder || '请选择'}
      <View className="ll-picker-field__arrow">▾</View>
    </View>
  );
  if (props.mode === 'selector') {
    return (
      <Picker
        mode="selector"
        range={props.range}
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => props.onChange(Number(event.detail.value))}
      >
        {box}
      </Picker>
    );
  }
  if (props.mode === 'date') {
    return (
      <Picker
        mode="date"
        value={props.value}
        start={props.start}
        disabled={props.disabled}
        onChange={(event) => props.onChange(String(event.detail.value))}
      >
        {box}
      </Picker>
    );
  }
  return (
    <Picker
      mode="time"
      value={props.value}
      disabled={props.disabled}
      onChange={(event) => props.onChange(String(event.detail.value))}
    >
      {box}
    </Picker>
  );
}
