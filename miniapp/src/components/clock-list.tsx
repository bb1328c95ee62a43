import { Text, View } from '@tarojs/components';
import type { ClockView } from '@utility/shared';
import { useEffect, useState } from 'react';
import { describeClock } from '../format/clock';
import './clock-list.scss';

/** Re-renders every half minute so "剩余…" stays true while the page is open. */
export function useNow(intervalMs = 30000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function ClockList({ clocks }: { clocks: ClockView[] }) {
  const now = useNow();
  if (clocks.length === 0) return null;
  return (
    <View className="clock-list">
      {clocks.map((clock) => {
        const d = describeClock(clock, now);
        return (
          <View key={clock.kind} className={`clock clock--${d.tone}`}>
            <Text className="clock__label">{d.label}</Text>
            <Text className="clock__due">截止 {d.due}</Text>
            <Text className="clock__state">{d.state}</Text>
          </View>
        );
      })}
    </View>
  );
}
