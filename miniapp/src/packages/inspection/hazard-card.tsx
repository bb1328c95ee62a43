import { Text, View } from '@tarojs/components';
import { HazardStatus, type HazardView } from '@utility/shared';
import { formatFullTime } from '../../format/time';

/** One hazard: what was found, what to do about it, and by when; closed once a re-inspection passed it. */
export function HazardCard({ hazard }: { hazard: HazardView }) {
  const open = hazard.status === HazardStatus.Open;
  return (
    <View id={`hazard-${hazard.id}`} className={`card hazard hazard--${hazard.status}`}>
      <View className="row">
        <Text className="card__title hazard__title">{hazard.itemLabel}</Text>
        <View className="hazard__badges">
          <Text className={`badge badge--${hazard.severity} hazard__severity`}>{hazard.severityLabel}</Text>
          <Text className={open ? 'badge badge--status hazard__status' : 'badge badge--closed hazard__status'}>
            {hazard.statusLabel}
          </Text>
        </View>
      </View>
      <Text className="hazard__label">发现的问题</Text>
      <Text className="hazard__text hazard__note">{hazard.note}</Text>
      <Text className="hazard__label">整改建议</Text>
      <Text className="hazard__advice">{hazard.advice}</Text>
      {open ? (
        <Text className={hazard.overdue ? 'hazard__deadline text-breached' : 'hazard__deadline'}>
          {hazard.overdue ? '已超过整改期限' : '请在期限前整改'}：{formatFullTime(hazard.deadline)}
        </Text>
      ) : (
        <Text className="hazard__deadline text-ok">
          复检合格，已于 {formatFullTime(hazard.closedAt ?? hazard.deadline)} 消除
        </Text>
      )}
      {open && hazard.reinspectionTicket ? (
        <Text className="muted hazard__reinspection">
          整改后安检员将上门复检（复检工单 {hazard.reinspectionTicket.no}）
        </Text>
      ) : null}
      <Text className="muted">发现时间 {formatFullTime(hazard.foundAt)}</Text>
    </View>
  );
}
