import { Picker, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { windowChoices, windowLabel, type RepairForm } from './repair-form';

type Window = Pick<RepairForm, 'windowDate' | 'windowSlot'>;

interface Props {
  value: Window;
  now: Date;
  onChange: (window: Window) => void;
}

const ASAP = '尽快上门（不预约）';

/** One list of the half-days still bookable; the first entry means no appointment. */
export function WindowPicker({ value, now, onChange }: Props) {
  const choices = useMemo(() => windowChoices(now), [now]);
  const index = choices.findIndex((c) => c.windowDate === value.windowDate && c.windowSlot === value.windowSlot) + 1;

  function change(picked: number) {
    const choice = choices[picked - 1];
    onChange(
      choice ? { windowDate: choice.windowDate, windowSlot: choice.windowSlot } : { windowDate: '', windowSlot: '' },
    );
  }

  return (
    <Picker
      id="repair-window"
      mode="selector"
      range={[ASAP, ...choices.map((c) => c.label)]}
      value={Math.max(0, index)}
      onChange={(e) => change(Number(e.detail.value))}
    >
      <View className="field__input repair__picker">
        <Text id="repair-window-value">{windowLabel(value, now)}</Text>
      </View>
    </Picker>
  );
}
