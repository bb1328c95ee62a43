import { Text, View } from '@tarojs/components';
import type { BoundAccountView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { UTILITY_LABELS } from '../../format/accounts';

interface Props {
  account: BoundAccountView;
  busy: boolean;
  onDefault: () => void;
  onUnbind: () => void;
}

export function AccountCard({ account, busy, onDefault, onUnbind }: Props) {
  const no = account.accountNo;
  return (
    <View id={`account-${no}`} className="card account-card">
      <View className="row">
        <Text className="account-card__no">{no}</Text>
        <View className="account-card__tags">
          {account.isDefault ? <Text className="badge badge--default">默认</Text> : null}
          {account.label ? <Text className="badge">{account.label}</Text> : null}
          <Text className="badge badge--status">{UTILITY_LABELS[account.utility] ?? account.utility}</Text>
        </View>
      </View>
      <Text className="account-card__line">户主 {account.holderName}</Text>
      <Text className="account-card__line muted">{account.address}</Text>
      <View className="account-card__actions">
        {account.isDefault ? null : (
          <ActionButton id={`account-default-${no}`} tone="secondary" size="small" disabled={busy} onClick={onDefault}>
            设为默认
          </ActionButton>
        )}
        <ActionButton id={`account-unbind-${no}`} tone="danger" size="small" disabled={busy} onClick={onUnbind}>
          解绑
        </ActionButton>
      </View>
    </View>
  );
}
