/**
 * 城市 / 农村 / 偏远: the power rules' classes of supply area, which set the on-site limit of a
 * power repair (45 / 90 / 120 min, docs/domain.md#ticket-types). A property of the district (片区):
 * every account of a district shares its geography.
 */
export const AREA_CLASSES = ['urban', 'rural', 'remote'] as const;
export type AreaClass = (typeof AREA_CLASSES)[number];

export const AREA_CLASS_LABELS: Record<AreaClass, string> = { urban: '城市', rural: '农村', remote: '偏远地区' };
