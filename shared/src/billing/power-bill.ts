import { TariffPart, splitAtYearsAndTariffs, tierQuantities } from './annual-tiers';
import { dayNumber, dayString, yearOf } from './billing-dates';
import { BillingError } from './billing-error';
import { roundHalfUpDiv } from './money';
import { allocateLargestRemainder } from './pro-rata';
import { BillComputation, BillLine, PowerTariff } from './tariff-types';

/*
 * 阶梯电价 (docs/domain.md#billing). Units, all integers: energy in centiKwh (0.01 kWh, what a
 * meter shows), unit prices in centiFen per kWh (0.0001 元: published prices such as 0.4883 元
 * have four decimals, which whole fen cannot hold), money in fen.
 */

export interface PowerBillInput {
  /** The previous reading's date: excluded. */
  from: string;
  /** This reading's date: included. */
  to: string;
  usageCentiKwh: number;
  /**
   * 峰谷 meters: the period's peak and valley registers, adding up to the usage. Absent, or a
   * tariff without time-of-use prices: every kWh at the flat step price.
   */
  peakValley?: { peakCentiKwh: number; valleyCentiKwh: number } | null;
  /** Energy already billed per tariff year (the calendar year) before this period. */
  yearToDateCentiKwh: Record<number, number>;
  /** The account's district's power tariffs, any order. */
  tariffs: PowerTariff[];
}

const effective = (t: PowerTariff) => dayNumber(t.effectiveFrom, '生效日期');
const isPrice = (n: number) => Number.isSafeInteger(n) && n >= 0;
const isWholeKwh = (n: number | null): n is number => n !== null && Number.isSafeInteger(n) && n > 0;
const isCenti = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** Refuses a tariff no bill could be computed from. */
export function validatePowerTariff(t: PowerTariff): void {
  const where = `片区 ${t.districtId} 自 ${t.effectiveFrom} 起的电价`;
  dayNumber(t.effectiveFrom, `${where}的生效日期`);
  const fail = (why: string) => {
    throw new BillingError('invalid_tariff', `${where}${why}`);
  };
  if (t.tiers.length !== 3) fail(`须恰好三档，现为 ${t.tiers.length} 档`);
  const [t1, t2, t3] = t.tiers;
  if (t3.upToKwh !== null) fail('第三档不应设上限');
  if (!isWholeKwh(t1.upToKwh) || !isWholeKwh(t2.upToKwh) || t2.upToKwh <= t1.upToKwh)
    fail('第一、二档上限须为递增的正整数（千瓦时/年）');
  if (!t.tiers.every((tier) => isPrice(tier.priceCentiFenPerKwh))) fail('单价须为非负整数（0.01 分/千瓦时）');
  if (t.tiers.some((tier, i) => i > 0 && tier.priceCentiFenPerKwh < t.tiers[i - 1].priceCentiFenPerKwh))
    fail('高档单价不能低于低档');
  const tou = t.timeOfUse;
  if (tou && !(isPrice(tou.peakCentiFenPerKwh) && isPrice(tou.valleyCentiFenPerKwh)))
    fail('峰谷单价须为非负整数（0.01 分/千瓦时）');
}

function sortedTariffs(tariffs: PowerTariff[]): PowerTariff[] {
  tariffs.forEach(validatePowerTariff);
  if (new Set(tariffs.map((t) => t.districtId)).size > 1)
    throw new BillingError('invalid_tariff', '计费只能使用户号所在片区的电价，收到了多个片区的电价');
  const sorted = [...tariffs].sort((a, b) => effective(a) - effective(b));
  sorted.forEach((t, i) => {
    if (i > 0 && t.effectiveFrom === sorted[i - 1].effectiveFrom)
      throw new BillingError('invalid_tariff', `片区 ${t.districtId} 有两套电价都自 ${t.effectiveFrom} 起生效`);
  });
  return sorted;
}

type Part = TariffPart<PowerTariff>;

function line(part: Part, tier: number, quantity: number, price: number, timeOfUse?: 'peak' | 'valley'): BillLine {
  return {
    kind: 'power_tier',
    tier: (tier + 1) as 1 | 2 | 3,
    year: yearOf(part.first),
    from: dayString(part.first),
    to: dayString(part.last),
    quantity,
    // Whole fen for the printed bill's price column; the amount uses the exact price.
    unitPriceFen: roundHalfUpDiv(price, 100),
    unitPriceCentiFen: price,
    // centiKwh × centiFen/kWh is ten-thousandths of a fen.
    amountFen: roundHalfUpDiv(BigInt(quantity) * BigInt(price), 10_000),
    ...(timeOfUse ? { timeOfUse } : {}),
  };
}

/**
 * Power bill for one reading period (docs/domain.md#billing: 阶梯电价).
 *
 * - Periods, the split across tariff years and tariff changes pro rata by days, and the step
 *   counter (energy billed earlier in the year) work exactly as for gas; the tariff year is the
 *   calendar year.
 * - 峰谷: when the tariff has time-of-use prices and the meter reads peak and valley, each
 *   step's energy is split between peak and valley in the period's proportion (largest
 *   remainder, so the parts add up) and priced at the peak or valley price plus the step's
 *   surcharge over step 1 (the usual "+0.05 / +0.30 元" of steps 2 and 3).
 * - Rounding: each line is quantity × price / 10 000 rounded half up to the fen; the bill is
 *   the sum of its lines.
 */
export function computePowerBill(input: PowerBillInput): BillComputation {
  const usage = input.usageCentiKwh;
  const from = dayNumber(input.from, '上次抄表日期');
  const to = dayNumber(input.to, '本次抄表日期');
  if (!isCenti(usage)) throw new BillingError('negative_volume', `用电量须为非负整数（0.01 千瓦时），现为 ${usage}`);
  if (to < from) throw new BillingError('period_reversed', `本次抄表日期 ${input.to} 早于上次抄表日期 ${input.from}`);
  const pv = input.peakValley ?? null;
  if (pv && (!isCenti(pv.peakCentiKwh) || !isCenti(pv.valleyCentiKwh) || pv.peakCentiKwh + pv.valleyCentiKwh !== usage))
    throw new BillingError('invalid_input', `峰、谷电量之和须等于总用电量 ${usage}`);
  for (const [year, v] of Object.entries(input.yearToDateCentiKwh)) {
    if (!isCenti(v)) throw new BillingError('invalid_input', `${year} 年累计用电量须为非负整数，现为 ${v}`);
  }
  const tariffs = sortedTariffs(input.tariffs);
  if (usage === 0) return { lines: [], amountFen: 0, volumeCentiM3: 0 };
  if (to === from) throw new BillingError('empty_period', `同一天（${input.to}）的两次抄表之间有用电量，无法按天分摊`);

  const parts = splitAtYearsAndTariffs(from + 1, to, tariffs, '电价');
  const shares = allocateLargestRemainder(
    usage,
    parts.map((p) => p.last - p.first + 1),
  );
  // Each part's peak energy in proportion to its energy: never more than the part has.
  const peaks = pv ? allocateLargestRemainder(pv.peakCentiKwh, shares) : shares.map(() => 0);
  const counters = new Map<number, number>();
  const lines = parts.flatMap((part, i) => {
    const year = yearOf(part.first);
    const counter = counters.get(year) ?? input.yearToDateCentiKwh[year] ?? 0;
    counters.set(year, counter + shares[i]);
    const steps = tierQuantities(
      part.tariff.tiers.map((t) => t.upToKwh),
      shares[i],
      counter,
    );
    const tou = part.tariff.timeOfUse;
    if (!pv || !tou || shares[i] === 0)
      return steps.flatMap((q, k) => (q ? [line(part, k, q, part.tariff.tiers[k].priceCentiFenPerKwh)] : []));
    const stepPeaks = allocateLargestRemainder(peaks[i], steps);
    return steps.flatMap((q, k) => {
      const surcharge = part.tariff.tiers[k].priceCentiFenPerKwh - part.tariff.tiers[0].priceCentiFenPerKwh;
      const out: BillLine[] = [];
      if (stepPeaks[k]) out.push(line(part, k, stepPeaks[k], tou.peakCentiFenPerKwh + surcharge, 'peak'));
      if (q - stepPeaks[k]) out.push(line(part, k, q - stepPeaks[k], tou.valleyCentiFenPerKwh + surcharge, 'valley'));
      return out;
    });
  });
  return { lines, amountFen: lines.reduce((sum, l) => sum + l.amountFen, 0), volumeCentiM3: usage };
}
