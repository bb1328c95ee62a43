import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BoundAccountView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { UTILITY_LABELS } from '../../format/accounts';

const ACCOUNTS_URL = '/packages/account/index';

/** The default account on the home page; 切换 opens the list where another can be made default. */
export function AccountSummary({ account }: { account: BoundAccountView | null }) {
  if (!account) {
    return (
      <View id="home-account-card" className="card account-summary">
        <Text className="card__title">还没有绑定户号</Text>
        <Text className="muted">绑定户号后可查看报修进度、缴纳燃气费和供热费</Text>
        <ActionButton id="home-bind-account" onClick={() => Taro.navigateTo({ url: ACCOUNTS_URL })}>
          绑定户号
        </ActionButton>
      </View>
    );
  }
  return (
    <View id="home-account-card" className="card account-summary">
      <View className="row">
        <Text className="account-summary__no">户号 {account.accountNo}</Text>
        <Text id="home-account-switch" className="link" onClick={() => Taro.navigateTo({ url: ACCOUNTS_URL })}>
          切换
        </Text>
      </View>
      <View className="account-summary__tags">
        <Text className="badge badge--status">{UTILITY_LABELS[account.utility] ?? account.utility}</Text>
        {account.label ? <Text className="badge">{account.label}</Text> : null}
      </View>
      <Text className="account-summary__line">户主 {account.holderName}</Text>
      <Text className="account-summary__line muted">{account.address}</Text>
    </View>
  );
}
