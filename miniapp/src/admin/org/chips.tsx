import { Text, View } from '@tarojs/components';

export interface ChipOption<T> {
  value: T;
  label: string;
}

/** One-of (value) or several-of (values) choice as tappable chips. */
export function Chips<T extends string | number | null>({
  id,
  options,
  value,
  values,
  onPick,
}: {
  id: string;
  options: ChipOption<T>[];
  value?: T;
  values?: readonly T[];
  onPick: (value: T) => void;
}) {
  return (
    <View className="org-chips">
      {options.map((o) => {
        const on = values ? values.includes(o.value) : value === o.value;
        return (
          <View
            key={String(o.value)}
            id={`${id}-${String(o.value)}`}
            className={on ? 'chip chip--on' : 'chip'}
            onClick={() => onPick(o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** The API's refusal message under the form, or nothing. */
export function Failure({ message }: { message: string }) {
  return message ? <Text className="field__error">{message}</Text> : null;
}
