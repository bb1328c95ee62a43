import {
  AREA_CLASS_LABELS,
  CHANNEL_LABELS,
  CLOCK_LABELS,
  ClockKind,
  TICKET_TYPE_LABELS,
  UTILITY_LABELS,
  type ClockPolicy,
  type SlaPolicyView,
} from '@utility/shared';

/** How a clock's length reads: 30分钟, 2小时, 3个工作日. */
export function clockLength(c: ClockPolicy): string {
  if (c.workingDays) return `${c.workingDays}个工作日`;
  const m = c.minutes ?? 0;
  return m % 60 === 0 ? `${m / 60}小时` : `${m}分钟`;
}

/** A row's selector in words: 一般报修 · 电力 · 农村 · 片区名 · 12345热线 (nothing narrowed: 所有片区和渠道). */
export function selectorWords(row: SlaPolicyView, districtName: (id: number) => string): string {
  const parts = [
    row.utility ? UTILITY_LABELS[row.utility] : null,
    row.areaClass ? AREA_CLASS_LABELS[row.areaClass] : null,
    row.districtId ? districtName(row.districtId) : null,
    row.channel ? CHANNEL_LABELS[row.channel] : null,
  ].filter(Boolean);
  return [TICKET_TYPE_LABELS[row.ticketType], parts.length ? parts.join(' · ') : '所有片区和渠道'].join(' · ');
}

export const clocksWords = (row: SlaPolicyView) =>
  row.clocks.map((c) => `${CLOCK_LABELS[c.clock]}${clockLength(c)}`).join('，') || '不计时';

/** The unit a clock is edited in; `off` = the row does not set it (a less specific row decides). */
export type ClockUnit = 'off' | 'minutes' | 'workingDays';
export interface ClockDraft {
  unit: ClockUnit;
  amount: string;
}
export type ClocksDraft = Record<ClockKind, ClockDraft>;

export function clocksDraft(clocks: ClockPolicy[]): ClocksDraft {
  const draft = {} as ClocksDraft;
  for (const kind of Object.values(ClockKind)) {
    const c = clocks.find((x) => x.clock === kind);
    draft[kind] = c
      ? c.workingDays
        ? { unit: 'workingDays', amount: String(c.workingDays) }
        : { unit: 'minutes', amount: String(c.minutes) }
      : { unit: 'off', amount: '' };
  }
  return draft;
}

/** The clocks a draft sets, in ClockKind order (the server checks the numbers). */
export function draftClocks(draft: ClocksDraft): ClockPolicy[] {
  return Object.values(ClockKind)
    .filter((kind) => draft[kind].unit !== 'off')
    .map((kind) => ({ clock: kind, [draft[kind].unit]: Number(draft[kind].amount) }) as ClockPolicy);
}

/** The PUT body's row from a view row (percent → ratio). */
export const policyRequest = ({ atRiskPercent, ...row }: SlaPolicyView) => ({
  ...row,
  atRiskRatio: atRiskPercent / 100,
});
