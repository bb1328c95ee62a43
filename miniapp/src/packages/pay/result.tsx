import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { formatYuan, type BillView, type PaymentView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { listAccounts } from '../../services/api/accounts';
import { getBill } from '../../services/api/bills';
import { listPayments } from '../../services/api/payments';
import { requireResident } from '../../services/resident-session';
import { periodLabel } from './bill-format';
import { recordsUrl } from './pay-urls';
import { Receipt } from './receipt';
import './receipt.scss';

/** After the cashier: 缴费成功 with the receipt, or 确认中 when the credit has not arrived yet. */
export default function PayResultPage() {
  const { params } = useRouter();
  const billId = Number(params.billId);
  const orderNo = params.orderNo ? decodeURIComponent(params.orderNo) : '';
  const [bill, setBill] = useState<BillView | null>(null);
  const [receipt, setReceipt] = useState<PaymentView | null>(null);
  const [accountId, setAccountId] = useState<number | null>(null);

  async function load() {
    if (!requireResident(`/packages/pay/result?billId=${billId}&orderNo=${encodeURIComponent(orderNo)}`)) return;
    try {
      const found = await getBill(billId);
      setBill(found);
      // Receipts are listed per account; the bill names its account by number.
      const account = (await listAccounts()).find((a) => a.accountNo === found.accountNo);
      if (!account) return;
      setAccountId(account.id);
      if (found.status === 'paid')
        setReceipt((await listPayments(account.id)).find((p) => p.orderNo === orderNo) ?? null);
    } catch {
      // Shown by the wrapper.
    }
  }

  useDidShow(() => void load());

  if (!bill) return <Text className="empty">加载中…</Text>;
  const paid = bill.status === 'paid';
  return (
    <View className="page pay-result-page">
      <View id={paid ? 'pay-success' : 'pay-pending'} className="card pay-result">
        <Text className={paid ? 'pay-result__icon' : 'pay-result__icon pay-result__icon--pending'}>
          {paid ? '✓' : '…'}
        </Text>
        <Text className="pay-result__title">{paid ? '缴费成功' : '支付结果确认中'}</Text>
        <Text className="pay-result__amount">{formatYuan(bill.amountFen)}</Text>
        <Text className="muted">
          {paid ? `${periodLabel(bill.period)}账单已缴清` : '支付结果确认中，请稍后在缴费记录中查看'}
        </Text>
      </View>
      {receipt ? <Receipt payment={receipt} id="pay-receipt" /> : null}
      {accountId ? (
        <ActionButton id="pay-records" tone="secondary" onClick={() => Taro.redirectTo({ url: recordsUrl(accountId) })}>
          查看缴费记录
        </ActionButton>
      ) : null}
      <ActionButton id="pay-back" onClick={() => Taro.navigateBack()}>
        返回
      </ActionButton>
    </View>
  );
}
