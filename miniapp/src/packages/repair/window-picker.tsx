import { Picker, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { WINDOW_SLOTS, windowDays, windowLabel, type RepairForm } from './repair-form';

type Window = Pick<RepairForm, 'windowDate' | 'windowSlot'>;

interface Props {
  value: Window;
  now: Date;
  onChange: (window: Window) => void;
}

const ASAP = '尽快上门（不预约）';
const SLOT_LABELS = WINDOW_SLOTS.map((s) => s.label);

/** Day and half-day in one picker; the first day entry means no appointment. */
export function WindowPicker({ value, now, onChange }: Props) {
  const days = useMemo(() => windowDays(now), [now]);
  const dayIndex = value.windowDate ? days.findIndex((d) => d.date === value.windowDate) + 1 : 0;
  const slotIndex = Math.max(
    0,
    WINDOW_SLOTS.findIndex((s) => s.key === value.windowSlot),
  );

  function change(picked: number[]) {
    const [d, s] = picked.map(Number);
    if (!d) return onChange({ windowDate: '', windowSlot: '' });
    onChange({ windowDate: days[d - 1].date, windowSlot: WINDOW_SLOTS[s ?? 0].key });
  }

  return (
    <Picker
      id="repair-window"
      mode="multiSelector"
      range={[[ASAP, ...days.map((d) => d.label)], SLOT_LABELS]}
      value={[Math.max(0, dayIndex), slotIndex]}
      onChange={(e) => change(e.detail.value as number[])}
    >
      <View className="field__input repair__picker">
        <Text id="repair-window-value">{windowLabel(value, now)}</Text>
      </View>
    </Picker>
  );
}
