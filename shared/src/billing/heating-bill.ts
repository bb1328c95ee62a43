import { dayNumber, dayString } from './billing-dates';
import { BillingError } from './billing-error';
import { roundHalfUpDiv } from './money';
import { BillComputation, BillLine, HeatingTariff } from './tariff-types';

export interface HeatingBillInput {
  areaCentiM2: number;
  /** The season that starts in this year: 2026 = 2026-11-15 → 2027-03-15 with the default tariff. */
  seasonYear: number;
  /** The account's district's tariffs, any order. */
  tariffs: HeatingTariff[];
  /**
   * Part of a season (connected or stopped mid-season): the first and last heated day, both
   * inclusive, within the season. Either may be omitted: from the season's start / to its end.
   */
  from?: string;
  to?: string;
}

const MM_DD = /^\d{2}-\d{2}$/;

/** 02-29 is refused: a season must exist every year. 2001 is a plain year to check the rest. */
function isMonthDay(s: string): boolean {
  if (!MM_DD.test(s)) return false;
  const d = new Date(`2001-${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === s;
}

export function validateHeatingTariff(t: HeatingTariff): void {
  const where = `片区 ${t.districtId} 自 ${t.effectiveFrom} 起的采暖价格`;
  dayNumber(t.effectiveFrom, `${where}的生效日期`);
  if (!isMonthDay(t.seasonStart) || !isMonthDay(t.seasonEnd) || t.seasonStart === t.seasonEnd) {
    throw new BillingError('invalid_tariff', `${where}的采暖期须为两个不同的月-日（MM-DD，不可为 02-29）`);
  }
  if (!Number.isSafeInteger(t.priceFenPerM2) || t.priceFenPerM2 < 0) {
    throw new BillingError('invalid_tariff', `${where}的单价须为非负整数（分/平方米）`);
  }
}

/** First and last heated day of the tariff's season starting in `seasonYear`, and its length. */
export function heatingSeason(t: Pick<HeatingTariff, 'seasonStart' | 'seasonEnd'>, seasonYear: number) {
  const endYear = t.seasonEnd < t.seasonStart ? seasonYear + 1 : seasonYear;
  const first = `${seasonYear}-${t.seasonStart}`;
  const last = `${endYear}-${t.seasonEnd}`;
  return { first, last, days: dayNumber(last, '采暖期结束') - dayNumber(first, '采暖期开始') + 1 };
}

/**
 * The season is priced once, by the tariff in effect on its first day: a price decided
 * mid-season applies from the next season (heating is sold by the season, not by the day).
 */
function tariffForSeason(tariffs: HeatingTariff[], seasonYear: number): HeatingTariff {
  tariffs.forEach(validateHeatingTariff);
  if (new Set(tariffs.map((t) => t.districtId)).size > 1) {
    throw new BillingError('invalid_tariff', '计费只能使用户号所在片区的采暖价格，收到了多个片区的价格');
  }
  const applicable = tariffs
    .filter((t) => t.effectiveFrom <= heatingSeason(t, seasonYear).first)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const latest = applicable.at(-1);
  if (!latest) throw new BillingError('no_tariff', `${seasonYear} 年采暖期没有生效的采暖价格，无法计费`);
  if (applicable.filter((t) => t.effectiveFrom === latest.effectiveFrom).length > 1) {
    throw new BillingError(
      'invalid_tariff',
      `片区 ${latest.districtId} 有两套采暖价格都自 ${latest.effectiveFrom} 起生效`,
    );
  }
  return latest;
}

/**
 * Heating by area and season (docs/domain.md#billing). A full season is area × price; part of a season is
 * area × price × heated days / season days, rounded half up to the fen once, on that product
 * (never on a daily rate, which would drift by up to a fen per day).
 */
export function computeHeatingBill(input: HeatingBillInput): BillComputation {
  const { areaCentiM2: area, seasonYear } = input;
  if (!Number.isSafeInteger(area) || area < 0)
    throw new BillingError('invalid_input', `面积须为非负整数（0.01 平方米），现为 ${area}`);
  if (!Number.isSafeInteger(seasonYear))
    throw new BillingError('invalid_input', `采暖年度须为整数，现为 ${seasonYear}`);
  const tariff = tariffForSeason(input.tariffs, seasonYear);
  const season = heatingSeason(tariff, seasonYear);
  const from = input.from ?? season.first;
  const to = input.to ?? season.last;
  const first = dayNumber(from, '开始供热日期');
  const last = dayNumber(to, '停止供热日期');
  if (first < dayNumber(season.first, '采暖期开始') || last > dayNumber(season.last, '采暖期结束') || first > last) {
    throw new BillingError(
      'invalid_input',
      `供热日期 ${from} 至 ${to} 须在采暖期 ${season.first} 至 ${season.last} 之内且先后有序`,
    );
  }

  const days = last - first + 1;
  const line: BillLine = {
    kind: 'heating',
    year: seasonYear,
    from: dayString(first),
    to: dayString(last),
    quantity: area,
    unitPriceFen: tariff.priceFenPerM2,
    // centiM2 × fen/m² is hundredths of a fen; a full season is days / days, exactly area × price.
    amountFen: roundHalfUpDiv(BigInt(area) * BigInt(tariff.priceFenPerM2) * BigInt(days), 100n * BigInt(season.days)),
  };
  if (days !== season.days) line.prorata = { days, ofDays: season.days };
  return { lines: [line], amountFen: line.amountFen };
}
