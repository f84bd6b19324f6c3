import { View } from '@tarojs/components';
import './index.scss';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceChipsProps<T extends string> {
  label: string;
  options: readonly Choice<T>[];
  value: T | '';
  onChange: (value: T) => void;
}

/** One choice out of a few, as large tappable chips (easier for older hands than a wheel). */
export default function ChoiceChips<T extends string>({ label, options, value, onChange }: ChoiceChipsProps<T>) {
  return (
    <View className="ll-choice-chips" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <View
          key={option.value}
          role="radio"
          aria-checked={option.value === value}
          className={`ll-choice-chips__chip${option.value === value ? ' ll-choice-chips__chip--selected' : ''}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
