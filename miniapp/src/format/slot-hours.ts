import { SLOT_HOURS, type SlotHalf } from '@utility/shared';

const hhmm = ([h, m]: readonly [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** `上午 09:00–12:00`: an inspection half-day and the hours an inspector may come. */
export function halfHours(half: SlotHalf, halfLabel: string): string {
  const { start, end } = SLOT_HOURS[half];
  return `${halfLabel} ${hhmm(start)}–${hhmm(end)}`;
}
