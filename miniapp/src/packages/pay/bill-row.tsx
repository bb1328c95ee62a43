import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan, type BillView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { formatFullTime } from '../../format/time';
import { billUrl } from './pay-urls';
import { periodLabel } from './bill-format';

interface Props {
  bill: BillView;
  paying: boolean;
  onPay: () => void;
}

/** A bill in the list: the top opens its detail; an unpaid one has its own 缴费 button. */
export function BillRow({ bill, paying, onPay }: Props) {
  const unpaid = bill.status === 'unpaid';
  return (
    <View id={`bill-${bill.period}`} className={`card bill-row${unpaid && bill.overdue ? ' bill-row--overdue' : ''}`}>
      <View id={`bill-open-${bill.period}`} className="row" onClick={() => Taro.navigateTo({ url: billUrl(bill.id) })}>
        <Text className="bill-row__period">{periodLabel(bill.period)}</Text>
        <Text className="bill-row__amount">
          {formatYuan(unpaid ? bill.payableFen : bill.amountFen)} <Text className="bill-row__arrow">›</Text>
        </Text>
      </View>
      <View className="row bill-row__foot">
        {unpaid ? (
          <Text className={bill.overdue ? 'bill-row__due text-breached' : 'bill-row__due muted'}>
            {bill.overdue ? `已逾期 · 应于 ${bill.dueOn} 前缴清` : `缴费截止 ${bill.dueOn}`}
            {bill.lateFeeFen > 0 ? ` · 含滞纳金 ${formatYuan(bill.lateFeeFen)}` : ''}
          </Text>
        ) : (
          <Text className="bill-row__due text-ok">已缴清{bill.paidAt ? ` · ${formatFullTime(bill.paidAt)}` : ''}</Text>
        )}
        {unpaid ? (
          <ActionButton id={`bill-pay-${bill.period}`} size="small" busy={paying} onClick={onPay}>
            缴费
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}
