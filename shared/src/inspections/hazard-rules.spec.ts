import { INSPECTION_CHECKLISTS, InspectionItemCode, checklistLabel } from './checklist';
import { HazardSeverity } from './hazard-codes';
import {
  DEFAULT_SEVERITY,
  hazardAdvice,
  hazardsClosedBy,
  missingItems,
  rectificationDeadline,
  reinspectionItems,
} from './hazard-rules';

const C = InspectionItemCode;
const found = new Date('2026-10-12T03:00:00Z');

describe('rectificationDeadline', () => {
  it.each([
    [HazardSeverity.Critical, '2026-10-13T03:00:00.000Z'],
    [HazardSeverity.Serious, '2026-10-15T03:00:00.000Z'],
    [HazardSeverity.General, '2026-10-27T03:00:00.000Z'],
  ])('%s → %s', (severity, expected) => {
    expect(rectificationDeadline(severity, found).toISOString()).toBe(expected);
  });
});

describe('hazardAdvice', () => {
  it('tells the resident to stop using gas at once for a critical hazard', () => {
    expect(hazardAdvice(C.Hoses, HazardSeverity.Critical)).toMatch(/^重大隐患：请立即停止使用.*金属波纹软管.*复检/);
  });

  it.each([
    [HazardSeverity.Serious, '3天内'],
    [HazardSeverity.General, '15天内'],
  ])('gives the %s deadline in words', (severity, words) => {
    expect(hazardAdvice(C.Alarm, severity)).toContain(words);
    expect(hazardAdvice(C.Alarm, severity)).not.toContain('立即停止使用');
  });

  it('has advice and a default severity for every code', () => {
    for (const code of Object.values(C)) {
      expect(hazardAdvice(code, DEFAULT_SEVERITY[code]).length).toBeGreaterThan(20);
    }
  });
});

describe('hazardsClosedBy', () => {
  const open = [
    { id: 1, code: C.Hoses },
    { id: 2, code: C.Alarm },
    { id: 3, code: C.Hoses },
  ];
  it.each([
    ['both hazards of a passed item', [{ code: C.Hoses, ok: true }], [1, 3]],
    [
      'everything passed',
      [
        { code: C.Hoses, ok: true },
        { code: C.Alarm, ok: true },
      ],
      [1, 2, 3],
    ],
    [
      'a failed item keeps its hazards',
      [
        { code: C.Hoses, ok: false },
        { code: C.Alarm, ok: true },
      ],
      [2],
    ],
    [
      'an item passed and failed at once stays open',
      [
        { code: C.Alarm, ok: true },
        { code: C.Alarm, ok: false },
      ],
      [],
    ],
    ['an unchecked item stays open', [{ code: C.Pipes, ok: true }], []],
    ['nothing recorded', [], []],
  ])('%s', (_name, items, expected) => {
    expect(hazardsClosedBy(open, items)).toEqual(expected);
  });
});

describe('checklists', () => {
  it('gas uses the seven items of docs/domain.md#inspections', () => {
    expect(INSPECTION_CHECKLISTS.gas.map((i) => i.label)).toEqual([
      '管道',
      '阀门',
      '燃气表',
      '软管',
      '报警器',
      '通风',
      '燃气具',
    ]);
  });

  it.each([
    ['gas', C.Meter, '燃气表'],
    ['heating', C.Meter, '热量表'],
    ['power', C.Meter, '电能表'],
    ['heating', C.Hoses, '软管'],
  ] as const)('%s words %s as %s', (utility, code, label) => {
    expect(checklistLabel(utility, code)).toBe(label);
  });

  it('lists the missing items of a checklist and each hazard item once for a re-inspection', () => {
    expect(missingItems([C.Pipes, C.Valves, C.Meter], [C.Valves])).toEqual([C.Pipes, C.Meter]);
    expect(
      reinspectionItems([
        { id: 1, code: C.Alarm },
        { id: 2, code: C.Pipes },
        { id: 3, code: C.Alarm },
      ]),
    ).toEqual([C.Alarm, C.Pipes]);
  });
});
