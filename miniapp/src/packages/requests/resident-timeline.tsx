import { Text, View } from '@tarojs/components';
import type { ResidentTimelineItem } from '@utility/shared';
import { formatFullTime } from '../../format/time';

/** Oldest first; labels are the server's, in the resident's words (已受理, 师傅在路上 …). */
export function ResidentTimeline({ items }: { items: ResidentTimelineItem[] }) {
  const ordered = [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <View className="resident-timeline">
      {ordered.map((item, i) => (
        <View
          key={`${item.at}-${i}`}
          className={
            i === ordered.length - 1 ? 'resident-timeline-item resident-timeline-item--now' : 'resident-timeline-item'
          }
        >
          <Text className="resident-timeline-item__label">{item.label}</Text>
          <Text className="resident-timeline-item__at">{formatFullTime(item.at)}</Text>
        </View>
      ))}
    </View>
  );
}
