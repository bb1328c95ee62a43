/*
 * What makes a price list valid before it is stored (docs/domain.md#tariffs). The zod schemas
 * check shapes; these check the rules between fields, so the admin form and the server refuse
 * the same things with the same messages.
 */

export interface RuleProblem {
  /** Dotted path of the offending field, as zod reports it (`tiers.1.upTo`). */
  path: string;
  message: string;
}

/**
 * One step of 阶梯 pricing: up to `upTo` units a year (inclusive), null = no limit (last step); the price in the
 * kind's integer unit (fen per m³ for gas, 0.01 fen per kWh for power).
 */
export interface TierStep {
  upTo: number | null;
  priceFen: number;
}

/** Gas (m³ a year) and power (kWh a year) are both priced in exactly three annual steps. */
export const TIER_COUNT = 3;

/**
 * Three steps, limits ascending with only the last open-ended, each price positive and no step
 * cheaper than the one before (a 阶梯 price rises with use).
 */
export function tierProblems(steps: readonly TierStep[], priceUnit = '分'): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (steps.length !== TIER_COUNT) return [{ path: 'tiers', message: `须设置${TIER_COUNT}档阶梯` }];
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    if (last && step.upTo !== null) problems.push({ path: `tiers.${i}`, message: '最后一档不设上限' });
    if (!last && step.upTo === null) problems.push({ path: `tiers.${i}`, message: '只有最后一档可以不设上限' });
    if (step.upTo !== null && (!Number.isInteger(step.upTo) || step.upTo <= 0))
      problems.push({ path: `tiers.${i}`, message: '档位上限须为正整数' });
    if (!Number.isInteger(step.priceFen) || step.priceFen <= 0)
      problems.push({ path: `tiers.${i}`, message: `单价须为正整数（${priceUnit}）` });
    const prev = steps[i - 1];
    if (prev && prev.upTo !== null && step.upTo !== null && step.upTo <= prev.upTo)
      problems.push({ path: `tiers.${i}`, message: '档位上限须逐档递增' });
    if (prev && step.priceFen < prev.priceFen) problems.push({ path: `tiers.${i}`, message: '高档单价不能低于低档' });
  });
  return problems;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'MM-DD' naming a day that exists in some year (02-29 included). */
export function isMonthDay(value: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= MONTH_DAYS[month - 1];
}

/** A heating season: two real days, not the same one, and a positive price per m². */
export function heatingProblems(spec: {
  seasonStart: string;
  seasonEnd: string;
  priceFenPerM2: number;
}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!isMonthDay(spec.seasonStart)) problems.push({ path: 'seasonStart', message: '供暖开始日期格式应为MM-DD' });
  if (!isMonthDay(spec.seasonEnd)) problems.push({ path: 'seasonEnd', message: '供暖结束日期格式应为MM-DD' });
  if (spec.seasonStart === spec.seasonEnd) problems.push({ path: 'seasonEnd', message: '供暖开始与结束不能是同一天' });
  if (!Number.isInteger(spec.priceFenPerM2) || spec.priceFenPerM2 <= 0)
    problems.push({ path: 'priceFenPerM2', message: '单价须为正整数（分）' });
  return problems;
}

export interface TariffKey {
  id?: number;
  kind: string;
  districtId: number;
  effectiveFrom: string;
}

/**
 * A price list runs from its date until the district's next one of the same kind, so two lists
 * of one kind and district from the same date would overlap entirely: the existing one it would
 * collide with, else null.
 */
export function overlappingTariff<T extends TariffKey>(existing: readonly T[], candidate: TariffKey): T | null {
  return (
    existing.find(
      (t) =>
        t.id !== candidate.id &&
        t.kind === candidate.kind &&
        t.districtId === candidate.districtId &&
        t.effectiveFrom === candidate.effectiveFrom,
    ) ?? null
  );
}
