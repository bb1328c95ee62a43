import { TariffPart, splitAtYearsAndTariffs, tierQuantities } from './annual-tiers';
import { dayNumber, dayString, yearOf } from './billing-dates';
import { BillingError } from './billing-error';
import { roundHalfUpDiv } from './money';
import { allocateLargestRemainder } from './pro-rata';
import { BillComputation, BillLine, GasTariff } from './tariff-types';

export interface GasBillInput {
  /** The previous reading's date: excluded, its day was billed with the previous reading. */
  from: string;
  /** This reading's date: included. */
  to: string;
  volumeCentiM3: number;
  /**
   * Volume already billed per calendar year before this period: the sum of earlier bills'
   * gas lines by `year` (see gasVolumeByYear). A year that is absent starts at 0.
   */
  yearToDateCentiM3: Record<number, number>;
  /** The account's district's tariffs, any order. */
  tariffs: GasTariff[];
}

/** Tariffs are validated before this is used: the date parses. */
const effective = (t: GasTariff) => dayNumber(t.effectiveFrom, '生效日期');
const isPriceFen = (n: number) => Number.isSafeInteger(n) && n >= 0;
const isWholeM3 = (n: number | null): n is number => n !== null && Number.isSafeInteger(n) && n > 0;

/** Refuses a tariff an operator could save but no bill could be computed from. */
export function validateGasTariff(t: GasTariff): void {
  const where = `片区 ${t.districtId} 自 ${t.effectiveFrom} 起的气价`;
  dayNumber(t.effectiveFrom, `${where}的生效日期`);
  const fail = (why: string) => {
    throw new BillingError('invalid_tariff', `${where}${why}`);
  };
  if (t.tiers.length !== 3) fail(`须恰好三档，现为 ${t.tiers.length} 档`);
  const [t1, t2, t3] = t.tiers;
  if (t3.upToM3 !== null) fail('第三档不应设上限');
  if (!isWholeM3(t1.upToM3) || !isWholeM3(t2.upToM3) || t2.upToM3 <= t1.upToM3) {
    fail('第一、二档上限须为递增的正整数（立方米/年）');
  }
  if (!t.tiers.every((tier) => isPriceFen(tier.priceFenPerM3))) fail('单价须为非负整数（分/立方米）');
}

/** Ascending by effective date; one district, one tariff per date, or which applies is a guess. */
function sortedTariffs(tariffs: GasTariff[]): GasTariff[] {
  tariffs.forEach(validateGasTariff);
  if (new Set(tariffs.map((t) => t.districtId)).size > 1) {
    throw new BillingError('invalid_tariff', '计费只能使用户号所在片区的气价，收到了多个片区的气价');
  }
  const sorted = [...tariffs].sort((a, b) => effective(a) - effective(b));
  sorted.forEach((t, i) => {
    if (i > 0 && t.effectiveFrom === sorted[i - 1].effectiveFrom) {
      throw new BillingError('invalid_tariff', `片区 ${t.districtId} 有两套气价都自 ${t.effectiveFrom} 起生效`);
    }
  });
  return sorted;
}

type Part = TariffPart<GasTariff>;

/** Lines for `quantity` filled into the tiers from the year's counter, tier 1 first. */
function tierLines(part: Part, quantity: number, counter: number): BillLine[] {
  const { tiers } = part.tariff;
  const quantities = tierQuantities(
    tiers.map((t) => t.upToM3),
    quantity,
    counter,
  );
  const lines: BillLine[] = [];
  tiers.forEach((tier, k) => {
    const q = quantities[k];
    if (q === 0) return;
    lines.push({
      kind: 'gas_tier',
      tier: (k + 1) as 1 | 2 | 3,
      year: yearOf(part.first),
      from: dayString(part.first),
      to: dayString(part.last),
      quantity: q,
      unitPriceFen: tier.priceFenPerM3,
      // centiM3 × fen/m³ is hundredths of a fen.
      amountFen: roundHalfUpDiv(BigInt(q) * BigInt(tier.priceFenPerM3), 100),
    });
  });
  return lines;
}

/**
 * Gas bill for one reading period (docs/domain.md#billing: 阶梯气价).
 *
 * - The period runs from the previous reading's date, excluded, to this reading's date,
 *   included, so consecutive periods never bill a day twice: readings on 12-31 and 01-31
 *   bill 01-01 → 01-31, all in the new year. Lines show their first and last day.
 * - The period's volume is shared across calendar years and tariffs pro rata by days
 *   (allocateLargestRemainder: the parts add up to the reading exactly).
 * - Each part fills the tiers of its tariff from its year's counter: volume billed earlier
 *   in the year plus earlier parts of this period. The counter resets on 1 January and
 *   carries over a tariff change (the new limits apply to the year's running total).
 * - Rounding: each line is quantity × price / 100 rounded half up to the fen, and the bill is
 *   the sum of its lines, so every printed line can be checked by hand and the lines add up
 *   to the total. Rounding only the total differs by under a fen per line and would not.
 */
export function computeGasBill(input: GasBillInput): BillComputation {
  const { volumeCentiM3: volume } = input;
  const from = dayNumber(input.from, '上次抄表日期');
  const to = dayNumber(input.to, '本次抄表日期');
  if (!Number.isSafeInteger(volume))
    throw new BillingError('invalid_input', `用气量须为整数（0.01 立方米），现为 ${volume}`);
  if (volume < 0) throw new BillingError('negative_volume', `用气量不能为负：${volume}`);
  if (to < from) throw new BillingError('period_reversed', `本次抄表日期 ${input.to} 早于上次抄表日期 ${input.from}`);
  for (const [year, v] of Object.entries(input.yearToDateCentiM3)) {
    if (!Number.isSafeInteger(v) || v < 0)
      throw new BillingError('invalid_input', `${year} 年累计用气量须为非负整数，现为 ${v}`);
  }
  const tariffs = sortedTariffs(input.tariffs);
  if (to === from) {
    if (volume === 0) return { lines: [], amountFen: 0, volumeCentiM3: 0 };
    throw new BillingError('empty_period', `同一天（${input.to}）的两次抄表之间有用气量，无法按天分摊`);
  }

  const parts = splitAtYearsAndTariffs(from + 1, to, tariffs, '气价');
  const shares = allocateLargestRemainder(
    volume,
    parts.map((p) => p.last - p.first + 1),
  );
  const counters = new Map<number, number>();
  const lines = parts.flatMap((part, i) => {
    const year = yearOf(part.first);
    const counter = counters.get(year) ?? input.yearToDateCentiM3[year] ?? 0;
    counters.set(year, counter + shares[i]);
    return tierLines(part, shares[i], counter);
  });
  return { lines, amountFen: lines.reduce((sum, l) => sum + l.amountFen, 0), volumeCentiM3: volume };
}

/** Gas volume per calendar year of earlier bills' lines: the next period's yearToDateCentiM3. */
export function gasVolumeByYear(lines: BillLine[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const l of lines) {
    if (l.kind === 'gas_tier' && l.year !== undefined) out[l.year] = (out[l.year] ?? 0) + l.quantity;
  }
  return out;
}
