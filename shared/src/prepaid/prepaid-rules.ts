import type { GasTariff } from '../billing/tariff-types';

/**
 * Prepaid accounts (docs/domain.md#prepaid-accounts): the money a resident has put on the meter, what
 * recent days used, and how long it will last. Volumes in centiM3, money in fen, days as Shanghai dates.
 */

/** How the meter takes the money: an IC card loaded at a counter, a smart (IoT) meter, or an ordinary meter. */
export const METER_KINDS = ['ordinary', 'ic_card', 'iot'] as const;
export type MeterKind = (typeof METER_KINDS)[number];
export const METER_KIND_LABELS: Record<MeterKind, string> = { ordinary: '普通表', ic_card: 'IC卡表', iot: '物联网表' };

/** A top-up may be 1 元 to 5,000 元 (a card or meter holds no more at once; a typo of 50,000 is refused). */
export const TOP_UP_MIN_FEN = 100;
export const TOP_UP_MAX_FEN = 500_000;

/** Readings further back than this do not count towards the recent daily use. */
export const DAILY_USE_WINDOW_DAYS = 30;

export interface DatedReading {
  id: number;
  readOn: string;
  valueCentiM3: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Average daily use (centiM3 per day) over the readings of the last DAILY_USE_WINDOW_DAYS up to `today`:
 * the meter's advance from the first to the last of them, over the days between. Null with fewer than two
 * readings a day apart, or a meter that went backwards (replaced: nothing to say until it advances).
 */
export function dailyUseCentiM3(readings: DatedReading[], today: string): number | null {
  const from = dayNumber(today) - DAILY_USE_WINDOW_DAYS;
  const recent = readings
    .filter((r) => dayNumber(r.readOn) >= from && r.readOn <= today)
    .sort((a, b) => a.readOn.localeCompare(b.readOn));
  if (recent.length < 2) return null;
  const first = recent[0];
  const last = recent[recent.length - 1];
  const days = dayNumber(last.readOn) - dayNumber(first.readOn);
  const used = last.valueCentiM3 - first.valueCentiM3;
  if (days < 1 || used < 0) return null;
  return Math.round(used / days);
}

/**
 * Whole days the balance lasts at the recent daily use and unit price: 0 once it is used up, null when the
 * daily use is unknown or nothing (the balance lasts indefinitely, which is no number to show).
 */
export function daysLeft(balanceFen: number, dailyCentiM3: number | null, priceFenPerM3: number): number | null {
  if (balanceFen <= 0) return 0;
  if (!dailyCentiM3 || priceFenPerM3 <= 0) return null;
  return Math.floor((balanceFen * 100) / (dailyCentiM3 * priceFenPerM3));
}

/**
 * The unit price a prepaid meter deducts: step 1 of the district's gas tariff in force on `day` (a prepaid
 * meter cannot know the year's volume; the yearly tier settlement is done at the counter). Null: no tariff.
 */
export function prepaidPriceFenPerM3(tariffs: GasTariff[], day: string): number | null {
  const inForce = tariffs
    .filter((t) => t.effectiveFrom <= day)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  return inForce ? inForce.tiers[0].priceFenPerM3 : null;
}

export interface UsageCharge {
  /** The reading that closes the span (a span is charged once, by its closing reading). */
  readingId: number;
  volumeCentiM3: number;
  amountFen: number;
}

/**
 * What the readings since `sinceDay` (the day the account's ledger opened) cost: each span between two
 * consecutive readings on or after that day, at the unit price, rounded half up to the fen. A meter that went
 * backwards (replaced) charges nothing for that span.
 */
export function usageCharges(readings: DatedReading[], sinceDay: string, priceFenPerM3: number): UsageCharge[] {
  const sorted = readings.filter((r) => r.readOn >= sinceDay).sort((a, b) => a.readOn.localeCompare(b.readOn));
  const charges: UsageCharge[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const volume = sorted[i].valueCentiM3 - sorted[i - 1].valueCentiM3;
    if (volume <= 0) continue;
    charges.push({
      readingId: sorted[i].id,
      volumeCentiM3: volume,
      amountFen: Math.floor((volume * priceFenPerM3 + 50) / 100),
    });
  }
  return charges;
}

export type PrepaidWarning = 'low_balance' | 'valve_close';

/**
 * What to warn a prepaid resident of: an IoT meter closes its valve when the balance is used up
 * ('valve_close'); any prepaid meter with fewer than `thresholdDays` left is 'low_balance'.
 */
export function prepaidWarning(
  meterKind: MeterKind,
  balanceFen: number,
  left: number | null,
  thresholdDays: number,
): PrepaidWarning | null {
  if (meterKind === 'iot' && balanceFen <= 0) return 'valve_close';
  if (left !== null && left < thresholdDays) return 'low_balance';
  return null;
}
