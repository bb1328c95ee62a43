import { Text, View } from '@tarojs/components';
import { OUTAGE_KIND_LABELS, shanghaiShort, type ResidentOutageView } from '@utility/shared';
import './outage-banner.scss';

/**
 * 停气/停热/停电 over the resident's account, on home and on the repair page: what, why and when it
 * is expected back, so that nobody waits for a technician for what is already known.
 */
export function OutageBanner({ outages, id = 'outage-banner' }: { outages: ResidentOutageView[]; id?: string }) {
  if (!outages.length) return null;
  return (
    <View id={id}>
      {outages.map((o) => (
        <View key={o.id} className="card outage-banner">
          <Text className="outage-banner__title">
            {o.phase === 'planned'
              ? `${OUTAGE_KIND_LABELS[o.kind]}${o.label}：${shanghaiShort(new Date(o.startsAt))}开始`
              : `${o.label}中`}
          </Text>
          <Text className="outage-banner__line">原因：{o.reason}</Text>
          <Text className="outage-banner__line outage-banner__restore">
            预计恢复时间：{shanghaiShort(new Date(o.restoreBy))}
          </Text>
          {o.phase === 'active' ? (
            <Text className="outage-banner__line">恢复前无需报修，我们会在恢复时通知您。</Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}
