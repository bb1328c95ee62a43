import { Text, View } from '@tarojs/components';
import { formatYuan, type TopUpView } from '@utility/shared';

const time = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The account's top-ups with their state: 待支付, 充值成功, 待写卡, 已到表, 已退款. */
export function TopUpList({ topUps }: { topUps: TopUpView[] }) {
  if (!topUps.length) return <Text className="empty">暂无充值记录</Text>;
  return (
    <View id="top-up-list" className="card">
      <Text className="card__title">充值记录</Text>
      {topUps.map((t) => (
        <View key={t.id} id={`top-up-${t.id}`} className="row top-up-row">
          <View>
            <Text className="top-up-row__amount">{formatYuan(t.amountFen)}</Text>
            <Text className="muted"> {time(t.createdAt)}</Text>
          </View>
          <Text className={`badge top-up-row__status top-up-row__status--${t.status}`}>{t.statusLabel}</Text>
        </View>
      ))}
    </View>
  );
}
