import { Input, View } from '@tarojs/components';
import type { BillView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { listStaffBills } from '../../services/api/counter-payments';

/** What the 户号 box must hold before a search is sent (the server answers the same for anything else). */
export const ACCOUNT_NO_ERROR = '户号应为10位数字';
export const isAccountNo = (accountNo: string) => /^\d{10}$/.test(accountNo.trim());

/** The unpaid bills of a 户号: what the counter takes money for and a supervisor may waive a late fee on. */
export async function unpaidBillsOf(accountNo: string): Promise<BillView[]> {
  return (await listStaffBills(accountNo.trim())).filter((b) => b.status === 'unpaid');
}

/** The 户号 box and its search button, shared by 柜台收费 and 滞纳金减免. */
export function UnpaidBillSearch(props: {
  id: string;
  buttonLabel: string;
  accountNo: string;
  onInput: (accountNo: string) => void;
  onSearch: () => void;
}) {
  return (
    <View className="card">
      <FormField label="户号" id={`${props.id}-account`}>
        <Input
          id={`${props.id}-account`}
          type="number"
          maxlength={10}
          value={props.accountNo}
          placeholder="请输入10位户号"
          onInput={(e) => props.onInput(e.detail.value)}
        />
      </FormField>
      <ActionButton id={`${props.id}-search`} tone="secondary" onClick={props.onSearch}>
        {props.buttonLabel}
      </ActionButton>
    </View>
  );
}
