import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import type { Arrears } from '../../services/api/bills';

/** Unpaid bills of the default account, on the home page; nothing when all is paid. */
export function ArrearsBanner({ arrears }: { arrears: Arrears | null }) {
  if (!arrears || arrears.unpaidFen <= 0) return null;
  return (
    <View id="home-arrears" className="card row arrears">
      <View>
        <Text className="arrears__label">待缴费用</Text>
        <Text id="home-arrears-amount" className="arrears__amount">
          {formatYuan(arrears.unpaidFen)}
        </Text>
        {arrears.overdueFen > 0 ? (
          <Text className="arrears__overdue">其中已逾期 {formatYuan(arrears.overdueFen)}</Text>
        ) : null}
      </View>
      <ActionButton id="home-arrears-pay" size="small" onClick={() => Taro.navigateTo({ url: '/packages/pay/bills' })}>
        去缴费
      </ActionButton>
    </View>
  );
}
