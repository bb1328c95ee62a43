import { Text, View } from '@tarojs/components';
import type { ReturnVisitAttemptView } from '@utility/shared';
import { formatFullTime } from '../../format/time';

/** The calls made so far, first first. */
export function AttemptList({ attempts }: { attempts: ReturnVisitAttemptView[] }) {
  if (attempts.length === 0) return <Text className="muted">尚未拨打</Text>;
  return (
    <View className="attempts">
      {attempts.map((a) => (
        <View key={a.attempt} id={`visit-attempt-${a.attempt}`} className="attempt">
          <View className="row">
            <Text className="attempt__what">
              第{a.attempt}次 · {a.reached ? '已接通' : '未接通'}
            </Text>
            <Text className="muted">{formatFullTime(a.at)}</Text>
          </View>
          {a.reached ? (
            <Text className="attempt__result">
              {a.levelLabel ?? ''} · {a.fixed ? '问题已解决' : '问题未解决'}
            </Text>
          ) : null}
          {a.note ? <Text className="muted attempt__note">{a.note}</Text> : null}
          {a.agentName ? <Text className="muted">回访人：{a.agentName}</Text> : null}
        </View>
      ))}
    </View>
  );
}
