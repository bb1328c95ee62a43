import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ReturnVisitReason, type ReturnVisitView } from '@utility/shared';
import { ClockList } from '../../components/clock-list';
import { formatFullTime } from '../../format/time';

export const REASON_LABELS: Record<ReturnVisitReason, string> = {
  [ReturnVisitReason.Policy]: '必访',
  [ReturnVisitReason.Sampled]: '抽样',
};

/** One task: the work visited, who did it, and the visit's own clock. */
export function VisitRow({ visit }: { visit: ReturnVisitView }) {
  const made = visit.attempts.length;
  return (
    <View
      id={`visit-${visit.no}`}
      className="card visit-row"
      onClick={() => Taro.navigateTo({ url: `/staff/visits/visit?id=${visit.id}` })}
    >
      <View className="row">
        <Text className="visit-row__type">
          {visit.visited.typeLabel} · {visit.visited.no}
        </Text>
        <View className="visit-row__badges">
          {visit.disaster ? <Text className="badge badge--high">灾害期</Text> : null}
          <Text className="badge">{REASON_LABELS[visit.reason]}</Text>
        </View>
      </View>
      <Text className="visit-row__description">{visit.visited.description}</Text>
      <View className="row muted">
        <Text>{visit.visited.handledBy ? `处理人：${visit.visited.handledBy}` : '处理人：—'}</Text>
        <Text>办结 {formatFullTime(visit.visited.resolvedAt)}</Text>
      </View>
      <View className="row muted">
        <Text>
          {visit.contactName} {visit.contactPhone}
        </Text>
        <Text id={`visit-${visit.no}-attempts`}>{made ? `已拨打 ${made}/3` : '未拨打'}</Text>
      </View>
      {visit.clocks.length ? (
        <ClockList clocks={visit.clocks} />
      ) : (
        <Text className="muted">回访截止 {formatFullTime(visit.dueAt)}</Text>
      )}
    </View>
  );
}
