import { dayNumber, dayString, newYearsDay, yearOf } from './billing-dates';
import { BillingError } from './billing-error';

/*
 * What 阶梯气价 and 阶梯电价 share (docs/domain.md#billing): a reading period cut where a tariff year starts or a
 * tariff takes effect, and each part's quantity stepped through three annual tiers from the year's counter.
 */

/** A part of a reading period (day numbers, both inclusive) under one tariff. */
export interface TariffPart<T> {
  first: number;
  last: number;
  tariff: T;
}

/**
 * Cuts [first, last] where a calendar year starts (the tier counter resets) or a tariff takes effect; `tariffs`
 * ascending by date. `priceName` (气价, 电价) names what is missing when a day has no tariff.
 */
export function splitAtYearsAndTariffs<T extends { effectiveFrom: string }>(
  first: number,
  last: number,
  tariffs: readonly T[],
  priceName: string,
): TariffPart<T>[] {
  const effective = (t: T) => dayNumber(t.effectiveFrom, '生效日期');
  const starts = new Set([first]);
  for (let y = yearOf(first) + 1; y <= yearOf(last); y++) starts.add(newYearsDay(y));
  for (const t of tariffs) {
    const d = effective(t);
    if (d > first && d <= last) starts.add(d);
  }
  const ordered = [...starts].sort((a, b) => a - b);
  return ordered.map((start, i) => {
    const tariff = tariffs.filter((t) => effective(t) <= start).at(-1);
    if (!tariff) throw new BillingError('no_tariff', `${dayString(start)} 没有生效的${priceName}，无法计费`);
    return { first: start, last: i + 1 < ordered.length ? ordered[i + 1] - 1 : last, tariff };
  });
}

/**
 * How much of `quantity` falls in each tier when it is added to the year's `counter` (both in hundredths:
 * centiM3, centiKwh). `limits` are the tiers' annual upper limits in whole units, ascending, the last null
 * (open). The parts add up to `quantity`; a tier already full gets 0.
 */
export function tierQuantities(limits: readonly (number | null)[], quantity: number, counter: number): number[] {
  const uppers = limits.map((limit) => (limit === null ? Infinity : limit * 100));
  return uppers.map((upper, k) => {
    const lower = k === 0 ? 0 : uppers[k - 1];
    return Math.max(0, Math.min(counter + quantity, upper) - Math.max(counter, lower));
  });
}
