/** docs/domain.md#emergencies: an emergency shows the resident what to do, before anything else. */
export const DEFAULT_HOTLINE_NUMBER = '96777';

/** Which emergency the steps are for: a gas leak, or a heating (hot-water) leak — the account's utility decides. */
export type LeakKind = 'gas' | 'heating';

export interface SafetyInstruction {
  key:
    | 'ventilate'
    | 'no_switches'
    | 'no_flames'
    | 'leave'
    | 'close_valves'
    | 'cut_power'
    | 'no_scalding'
    | 'protect_below'
    | 'call_hotline';
  title: string;
  detail: string;
  /** Only on the last step: the number to dial. */
  phone?: string;
}

const hotlineStep = (hotline: string, where: string): SafetyInstruction => ({
  key: 'call_hotline',
  title: '拨打24小时热线',
  detail: `${where}拨打24小时抢修热线 ${hotline}`,
  phone: hotline,
});

/** The instructions in the order they must be followed: a gas leak's by default, a hot-water leak's for heating. */
export function safetyInstructions(
  hotline: string = DEFAULT_HOTLINE_NUMBER,
  kind: LeakKind = 'gas',
): SafetyInstruction[] {
  if (kind === 'heating') {
    return [
      { key: 'close_valves', title: '关闭暖气阀门', detail: '关闭漏水暖气片或管道的进水阀和回水阀（如能安全做到）' },
      { key: 'cut_power', title: '防止触电', detail: '水漫到插座或电器附近时，先断开电源，不要用湿手触碰电器' },
      { key: 'no_scalding', title: '当心烫伤', detail: '暖气水温度很高，不要用手直接堵漏，让老人和孩子远离' },
      {
        key: 'protect_below',
        title: '转移物品、告知邻居',
        detail: '把贵重物品移开，用盆接水、毛巾围堵，并告知楼下邻居',
      },
      hotlineStep(hotline, ''),
    ];
  }
  return [
    { key: 'ventilate', title: '开窗通风', detail: '立即打开门窗，让燃气散出' },
    { key: 'no_switches', title: '不要开关电器', detail: '不要开关电灯、排气扇等任何电器，不要在室内打电话' },
    { key: 'no_flames', title: '不要点火', detail: '严禁使用明火，不要吸烟' },
    { key: 'leave', title: '立即离开', detail: '关闭燃气总阀（如能安全做到），人员立即撤离到室外' },
    hotlineStep(hotline, '到室外安全处'),
  ];
}
