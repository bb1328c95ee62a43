import { InspectionItemCode } from './checklist';
import { HazardSeverity } from './hazard-codes';

const HOUR_MS = 3_600_000;

/**
 * Time to rectify, by severity. A 重大 hazard (a leaking pipe or hose, a blocked flue) must be
 * made safe within 24 h and the appliance is not used meanwhile; 较大 within 3 days; 一般 within
 * 15 days — the gradings gas companies' safety-inspection rules use.
 */
export const RECTIFICATION_HOURS: Readonly<Record<HazardSeverity, number>> = {
  [HazardSeverity.Critical]: 24,
  [HazardSeverity.Serious]: 3 * 24,
  [HazardSeverity.General]: 15 * 24,
};

export function rectificationDeadline(severity: HazardSeverity, foundAt: Date): Date {
  return new Date(foundAt.getTime() + RECTIFICATION_HOURS[severity] * HOUR_MS);
}

/** The inspector's grading when they give none: what can leak or suffocate is serious, the rest general. */
export const DEFAULT_SEVERITY: Readonly<Record<InspectionItemCode, HazardSeverity>> = {
  [InspectionItemCode.Pipes]: HazardSeverity.Serious,
  [InspectionItemCode.Valves]: HazardSeverity.Serious,
  [InspectionItemCode.Meter]: HazardSeverity.General,
  [InspectionItemCode.Hoses]: HazardSeverity.Serious,
  [InspectionItemCode.Alarm]: HazardSeverity.General,
  [InspectionItemCode.Ventilation]: HazardSeverity.Serious,
  [InspectionItemCode.Appliance]: HazardSeverity.General,
  [InspectionItemCode.Radiator]: HazardSeverity.General,
  [InspectionItemCode.Wiring]: HazardSeverity.Serious,
  [InspectionItemCode.Breaker]: HazardSeverity.Serious,
};

const ITEM_ADVICE: Readonly<Record<InspectionItemCode, string>> = {
  [InspectionItemCode.Pipes]: '请勿自行改动、包裹或在管道上悬挂物品，联系燃气公司专业人员维修或改造管道',
  [InspectionItemCode.Valves]: '请联系专业人员更换或维修阀门，用气结束后关闭阀门',
  [InspectionItemCode.Meter]: '请勿遮挡或私自拆改表具，联系燃气公司校验或更换',
  [InspectionItemCode.Hoses]: '请更换为金属波纹软管并用卡箍固定，软管不得穿墙、老化或超过2米',
  [InspectionItemCode.Alarm]: '请安装或维修可燃气体报警器，并保持通电',
  [InspectionItemCode.Ventilation]: '请保持厨房通风，勿将燃气具安装在卧室或密闭空间，烟道须通向室外',
  [InspectionItemCode.Appliance]: '请停止使用不合格或超期燃气具，更换为带熄火保护的合格产品',
  [InspectionItemCode.Radiator]: '请联系供热公司维修散热器，勿私自拆改',
  [InspectionItemCode.Wiring]: '请联系电工更换老化线路，勿私拉乱接',
  [InspectionItemCode.Breaker]: '请安装或更换合格的漏电保护器并定期试跳',
};

const SEVERITY_ADVICE: Readonly<Record<HazardSeverity, string>> = {
  [HazardSeverity.Critical]: '重大隐患：请立即停止使用，关闭总阀，24小时内完成整改。',
  [HazardSeverity.Serious]: '较大隐患：请在3天内完成整改。',
  [HazardSeverity.General]: '一般隐患：请在15天内完成整改。',
};

/** What the resident is told to do: stop-use first for 重大, then the item's own remedy. */
export function hazardAdvice(code: InspectionItemCode, severity: HazardSeverity): string {
  return `${SEVERITY_ADVICE[severity]}${ITEM_ADVICE[code]}。整改后安检员将上门复检。`;
}

export interface OpenHazardRef {
  id: number;
  code: InspectionItemCode;
}

export interface ReinspectedItem {
  code: InspectionItemCode;
  ok: boolean;
}

/**
 * Which open hazards a re-inspection closes: those whose item it passed. An item not checked, or
 * failed again, leaves its hazard open (docs/domain.md#hazards).
 */
export function hazardsClosedBy(open: readonly OpenHazardRef[], items: readonly ReinspectedItem[]): number[] {
  const passed = new Set(items.filter((i) => i.ok).map((i) => i.code));
  const failed = new Set(items.filter((i) => !i.ok).map((i) => i.code));
  return open.filter((h) => passed.has(h.code) && !failed.has(h.code)).map((h) => h.id);
}

/** Items to check on a re-inspection: each open hazard's item once, in first-found order. */
export function reinspectionItems(open: readonly OpenHazardRef[]): InspectionItemCode[] {
  return [...new Set(open.map((h) => h.code))];
}

/** The codes `required` that `recorded` lacks (a first inspection records the whole checklist). */
export function missingItems(
  required: readonly InspectionItemCode[],
  recorded: readonly InspectionItemCode[],
): InspectionItemCode[] {
  const got = new Set(recorded);
  return required.filter((c) => !got.has(c));
}
