import { Utility } from '../repairs/fault-categories';

/**
 * Checklist items (docs/domain.md#inspections). Gas uses the seven items of the domain brief; heating
 * and power have no list in the brief, so they use the parts an inspector of that trade looks at
 * (pipes/valves/meter/radiator; meter/wiring/breaker/appliance). Codes never change meaning.
 */
export enum InspectionItemCode {
  Pipes = 'pipes',
  Valves = 'valves',
  Meter = 'meter',
  Hoses = 'hoses',
  Alarm = 'alarm',
  Ventilation = 'ventilation',
  Appliance = 'appliance',
  Radiator = 'radiator',
  Wiring = 'wiring',
  Breaker = 'breaker',
}

export interface ChecklistItem {
  code: InspectionItemCode;
  label: string;
}

const item = (code: InspectionItemCode, label: string): ChecklistItem => ({ code, label });
const C = InspectionItemCode;

/** The items an inspector must record on a first inspection, per utility, in checklist order. */
export const INSPECTION_CHECKLISTS: Readonly<Record<Utility, readonly ChecklistItem[]>> = {
  gas: [
    item(C.Pipes, '管道'),
    item(C.Valves, '阀门'),
    item(C.Meter, '燃气表'),
    item(C.Hoses, '软管'),
    item(C.Alarm, '报警器'),
    item(C.Ventilation, '通风'),
    item(C.Appliance, '燃气具'),
  ],
  heating: [item(C.Pipes, '管道'), item(C.Valves, '阀门'), item(C.Meter, '热量表'), item(C.Radiator, '散热器')],
  power: [
    item(C.Meter, '电能表'),
    item(C.Wiring, '线路'),
    item(C.Breaker, '漏电保护器'),
    item(C.Appliance, '用电器具'),
  ],
};

/** A label for any code whatever the utility (the gas wording where a code is shared). */
export const INSPECTION_ITEM_LABELS: Record<InspectionItemCode, string> = {
  [C.Pipes]: '管道',
  [C.Valves]: '阀门',
  [C.Meter]: '燃气表',
  [C.Hoses]: '软管',
  [C.Alarm]: '报警器',
  [C.Ventilation]: '通风',
  [C.Appliance]: '燃气具',
  [C.Radiator]: '散热器',
  [C.Wiring]: '线路',
  [C.Breaker]: '漏电保护器',
};

/** The label of `code` as the checklist of `utility` words it. */
export function checklistLabel(utility: Utility, code: InspectionItemCode): string {
  return INSPECTION_CHECKLISTS[utility].find((i) => i.code === code)?.label ?? INSPECTION_ITEM_LABELS[code];
}
