import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { RATING_LEVELS, RATING_LEVEL_LABELS, type StaffRatingsView } from '@utility/shared';
import { useState } from 'react';
import { formatFullTime } from '../../format/time';
import { getMyRatings } from '../../services/api/return-visits';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';

/** 我的评价: how residents rated the work this staff member did, by level, and the latest ratings. */
function MyRatingsPage() {
  const [ratings, setRatings] = useState<StaffRatingsView | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    if (!requireStaff()) return;
    try {
      setRatings(await getMyRatings());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!ratings) return <Text className="empty">{failed ? '评价加载失败，请下拉刷新' : '加载中…'}</Text>;
  const rate = ratings.satisfactionRate;
  return (
    <View className="page my-ratings">
      <View className="card">
        <View className="row">
          <Text className="card__title">居民评价</Text>
          <Text id="ratings-rate" className="muted">
            {rate === null ? '暂无评价' : `满意率 ${Math.round(rate * 1000) / 10}%（共 ${ratings.total} 条）`}
          </Text>
        </View>
        <View className="rating-counts">
          {RATING_LEVELS.map((level) => (
            <View key={level} id={`ratings-count-${level}`} className="rating-count">
              <Text className="rating-count__value">{ratings.counts[level] ?? 0}</Text>
              <Text className="muted">{RATING_LEVEL_LABELS[level]}</Text>
            </View>
          ))}
        </View>
      </View>
      {ratings.items.map((r) => (
        <View key={r.id} id={`rating-${r.id}`} className="card">
          <View className="row">
            <Text>
              {r.typeLabel} · {r.ticketNo}
            </Text>
            <Text className={r.level === 'dissatisfied' ? 'badge badge--high' : 'badge badge--status'}>
              {r.levelLabel}
            </Text>
          </View>
          {r.comment ? <Text className="my-ratings__comment">{r.comment}</Text> : null}
          <Text className="muted">{formatFullTime(r.ratedAt)}</Text>
        </View>
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(MyRatingsPage, 'ratings', '我的评价');
