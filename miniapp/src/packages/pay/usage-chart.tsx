import { Text, View } from '@tarojs/components';
import type { UsagePoint } from '@utility/shared';

/** Whole m³ above each bar: the chart shows the shape, the bills carry the exact figures. */
const wholeM3 = (centiM3: number) => String(Math.round(centiM3 / 100));

/**
 * 12 months of gas as bars of Views (no chart library: the same markup renders on weapp and
 * H5). Heights are proportional to the largest month.
 */
export function UsageChart({ points }: { points: UsagePoint[] }) {
  if (points.length === 0) return null;
  const max = Math.max(...points.map((p) => p.volumeCentiM3), 1);
  return (
    <View id="usage-chart" className="card usage-chart">
      <Text className="card__title">近12个月用气量（m³）</Text>
      <View className="usage-chart__bars">
        {points.map((p) => (
          <View key={p.period} id={`usage-${p.period}`} className="usage-chart__col">
            <View className="usage-chart__track">
              <View className="usage-chart__bar" style={{ height: `${((p.volumeCentiM3 / max) * 100).toFixed(1)}%` }}>
                <Text className="usage-chart__value">{wholeM3(p.volumeCentiM3)}</Text>
              </View>
            </View>
            <Text className="usage-chart__month">{Number(p.period.slice(5))}月</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
