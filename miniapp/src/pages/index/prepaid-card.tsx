import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan, type PrepaidBalanceView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';

export const topUpUrl = (accountId: number) => `/packages/pay/top-up?accountId=${accountId}`;

/** A prepaid account's balance on home: what is left, recent daily use, the days it lasts, and 充值. */
export function PrepaidCard({ accountId, balance }: { accountId: number; balance: PrepaidBalanceView | null }) {
  if (!balance) return null;
  const low = balance.daysLeft !== null && balance.daysLeft < 3;
  return (
    <View id="home-prepaid" className="card row prepaid-card">
      <View>
        <Text className="arrears__label">预付费余额</Text>
        <Text id="home-prepaid-balance" className={low ? 'arrears__amount' : 'prepaid-card__amount'}>
          {formatYuan(balance.balanceFen)}
        </Text>
        <Text id="home-prepaid-use" className="muted">
          {balance.dailyUseAvg === null ? '近日用量暂无' : `近日日均用气 ${balance.dailyUseAvg.toFixed(2)} m³`}
          {balance.daysLeft === null ? '' : `，约可用 ${balance.daysLeft} 天`}
        </Text>
      </View>
      <ActionButton id="home-top-up" size="small" onClick={() => Taro.navigateTo({ url: topUpUrl(accountId) })}>
        充值
      </ActionButton>
    </View>
  );
}
