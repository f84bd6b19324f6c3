/**
 * PickerField as a plain text box for these tests: the platform's date and time wheels cannot
 * be turned in jsdom, and what matters here is what the page does with the value picked.
 * Use with `jest.mock('@/components/picker-field', () => jest.requireActual('./picker-mock'))`.
 */
import type { PickerFieldProps } from '@/components/picker-field';

export default function PickerFieldDouble(props: PickerFieldProps) {
  return (
    <input
      aria-label={props.label}
      value={props.display}
      onChange={(event) => {
        const text = event.target.value;
        if (props.mode === 'selector') props.onChange(Number(text));
        else props.onChange(text);
      }}
    />
  );
}
