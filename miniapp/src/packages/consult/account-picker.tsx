import { Picker, Text, View } from '@tarojs/components';
import type { BoundAccountView } from '@utility/shared';
import { FormField } from '../../components/form-field';
import { UTILITY_LABELS } from '../../format/accounts';

const NO_ACCOUNT = '不涉及具体户号';
const accountLabel = (a: BoundAccountView) =>
  `${UTILITY_LABELS[a.utility] ?? a.utility} · ${a.accountNo}${a.label ? `（${a.label}）` : ''}`;

/** The account a question or suggestion is about, if any (optional: 不涉及具体户号). */
export function AccountPicker({
  id,
  accounts,
  value,
  onChange,
}: {
  id: string;
  accounts: BoundAccountView[];
  value: number;
  onChange: (accountId: number) => void;
}) {
  if (!accounts.length) return null;
  const account = accounts.find((a) => a.id === value);
  return (
    <FormField label="涉及户号" id={id} optional>
      <Picker
        id={id}
        mode="selector"
        range={[NO_ACCOUNT, ...accounts.map(accountLabel)]}
        value={account ? accounts.indexOf(account) + 1 : 0}
        onChange={(e) => onChange(Number(e.detail.value) > 0 ? accounts[Number(e.detail.value) - 1].id : 0)}
      >
        <View className="row field__input consult__picker">
          <Text id={`${id}-value`}>{account ? accountLabel(account) : NO_ACCOUNT}</Text>
          <Text className="link">选择</Text>
        </View>
      </Picker>
    </FormField>
  );
}
