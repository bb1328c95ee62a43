import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { BoundAccountView, PaymentView } from '@utility/shared';
import { useState } from 'react';
import { listPayments } from '../../services/api/payments';
import { requireResident } from '../../services/resident-session';
import { pickAccount } from './pay-urls';
import { Receipt } from './receipt';

/** Receipts of one account (`?accountId=`, else the default one), newest first. */
export default function PaymentRecordsPage() {
  const { params } = useRouter();
  const [account, setAccount] = useState<BoundAccountView | null>(null);
  const [payments, setPayments] = useState<PaymentView[] | null>(null);

  async function load() {
    if (!requireResident(`/packages/pay/records${params.accountId ? `?accountId=${params.accountId}` : ''}`)) return;
    try {
      const picked = await pickAccount(params.accountId);
      setAccount(picked.account);
      setPayments(picked.account ? await listPayments(picked.account.id) : []);
    } catch {
      setPayments((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (payments === null) return <Text className="empty">加载中…</Text>;
  return (
    <View className="page records">
      {account ? <Text className="muted">户号 {account.accountNo}</Text> : null}
      {payments.length === 0 ? (
        <Text id="records-empty" className="empty">
          暂无缴费记录
        </Text>
      ) : null}
      {payments.map((payment) => (
        <Receipt key={payment.orderNo} payment={payment} />
      ))}
    </View>
  );
}
