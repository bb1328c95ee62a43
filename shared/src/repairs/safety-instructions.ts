/** docs/domain.md#emergencies: an emergency shows the resident what to do, before anything else. */
export const DEFAULT_HOTLINE_NUMBER = '96777';

export interface SafetyInstruction {
  key: 'ventilate' | 'no_switches' | 'no_flames' | 'leave' | 'call_hotline';
  title: string;
  detail: string;
  /** Only on the last step: the number to dial. */
  phone?: string;
}

/** The instructions in the order they must be followed. */
export function safetyInstructions(hotline: string = DEFAULT_HOTLINE_NUMBER): SafetyInstruction[] {
  return [
    { key: 'ventilate', title: '开窗通风', detail: '立即打开门窗，让燃气散出' },
    { key: 'no_switches', title: '不要开关电器', detail: '不要开关电灯、排气扇等任何电器，不要在室内打电话' },
    { key: 'no_flames', title: '不要点火', detail: '严禁使用明火，不要吸烟' },
    { key: 'leave', title: '立即离开', detail: '关闭燃气总阀（如能安全做到），人员立即撤离到室外' },
    {
      key: 'call_hotline',
      title: '拨打24小时热线',
      detail: `到室外安全处拨打24小时抢修热线 ${hotline}`,
      phone: hotline,
    },
  ];
}
