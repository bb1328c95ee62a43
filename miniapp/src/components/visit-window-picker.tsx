import { Picker, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { type WindowChoice, windowChoices } from '../format/visit-windows';

/** The half-day windows open from when the page opened (format/visit-windows.ts), and the one picked. */
export function useVisitWindows() {
  const [now] = useState(() => new Date());
  const choices = useMemo(() => windowChoices(now), [now]);
  const [picked, setPicked] = useState<number | null>(null);
  return { now, choices, picked, choice: picked === null ? null : choices[picked], pick: setPicked };
}

/**
 * One row that opens the half-day choices (改约, 预约, 联系用户的约定时段): the title on the left, the window
 * picked, or what to do, on the right.
 */
export function VisitWindowPicker({
  id,
  valueId,
  title,
  titleClassName,
  placeholder = '选择时段 ›',
  windows,
}: {
  id: string;
  valueId: string;
  title: string;
  titleClassName?: string;
  placeholder?: string;
  windows: ReturnType<typeof useVisitWindows>;
}) {
  const choice: WindowChoice | null = windows.choice;
  return (
    <Picker
      id={id}
      mode="selector"
      range={windows.choices.map((c) => c.label)}
      value={windows.picked ?? 0}
      onChange={(e) => windows.pick(Number(e.detail.value))}
    >
      <View className="row">
        <Text className={titleClassName}>{title}</Text>
        <Text id={valueId} className="link">
          {choice ? choice.label : placeholder}
        </Text>
      </View>
    </Picker>
  );
}
