import { BillingError } from './billing-error';
import { formatHundredths } from './money';

/** Operator configuration (docs/domain.md#readings: every figure can be changed). */
export interface ReadingRules {
  /** Use over this many times the usual daily use, over the period, is held. */
  farAboveRatio: number;
  /** ...and only if it is also over this much per day of the period. */
  floorCentiM3PerDay: number;
}

/**
 * 3× the usual use, and never for use at or under 0.5 m³ a day: a household that only cooks
 * uses about that much, so a nearly empty flat (usual 0.01 m³/day) starting to cook is not
 * worth holding its bill, while 3× a normal household's use still is.
 */
export const DEFAULT_READING_RULES: ReadingRules = { farAboveRatio: 3, floorCentiM3PerDay: 50 };

export interface ReadingCheckInput {
  previousValueCentiM3: number;
  valueCentiM3: number;
  /** Days of the reading period (see gas-bill.ts: previous reading's day excluded). */
  periodDays: number;
  /** Recent average daily use, may be fractional; null for a new account with no history. */
  usualDailyCentiM3: number | null;
}

export type ReadingCheckResult =
  { ok: true } | { ok: false; reason: 'lower_than_previous' | 'far_above_usual'; message: string };

const m3 = (centi: number) => `${formatHundredths(Math.round(centi))} m³`;

/**
 * docs/domain.md#readings: a reading lower than the last one, or far above the usual use, is held for
 * checking before it bills. A lower reading is a replaced meter, a rolled-over register or a
 * misread, never negative use. A new account has no usual use, so only the first rule applies.
 * Exactly at either threshold is not "over" it.
 */
export function checkReading(
  input: ReadingCheckInput,
  rules: ReadingRules = DEFAULT_READING_RULES,
): ReadingCheckResult {
  const { previousValueCentiM3: previous, valueCentiM3: value, periodDays: days, usualDailyCentiM3: usual } = input;
  if (![previous, value].every((v) => Number.isSafeInteger(v) && v >= 0)) {
    throw new BillingError('invalid_input', '表读数须为非负整数（0.01 立方米）');
  }
  if (!Number.isSafeInteger(days) || days < 1)
    throw new BillingError('invalid_input', `抄表周期天数须为正整数，现为 ${days}`);
  if (usual !== null && !(Number.isFinite(usual) && usual >= 0)) {
    throw new BillingError('invalid_input', `近期日均用量须为非负数，现为 ${usual}`);
  }

  if (value < previous) {
    return {
      ok: false,
      reason: 'lower_than_previous',
      message: `本次读数 ${m3(value)} 低于上次读数 ${m3(previous)}，请核实是否换表、表码回零或抄错，核实前暂不出账`,
    };
  }
  const used = value - previous;
  // The usual use is an average (fractional): thresholds are rounded to the meter's 0.01 m³
  // so float noise (3 × 33.4 × 30 = 3005.9999…) cannot decide a reading at the boundary.
  if (
    usual !== null &&
    used > Math.round(rules.farAboveRatio * usual * days) &&
    used > Math.round(rules.floorCentiM3PerDay * days)
  ) {
    return {
      ok: false,
      reason: 'far_above_usual',
      message: `本期 ${days} 天用气 ${m3(used)}，超过近期日均 ${m3(usual)} 的 ${rules.farAboveRatio} 倍，请核实读数，核实前暂不出账`,
    };
  }
  return { ok: true };
}
