import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { BillView, BoundAccountView, UsagePoint } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { listBills, getUsage } from '../../services/api/bills';
import { requireResident } from '../../services/resident-session';
import { BillRow } from './bill-row';
import { splitBills } from './bill-format';
import { BILLS_URL, PROXY_URL, pickAccount, readingUrl, recordsUrl } from './pay-urls';
import { UsageChart } from './usage-chart';
import { usePayBill } from './use-pay-bill';
import './bills.scss';

interface AccountBills {
  bills: BillView[];
  usage: UsagePoint[];
}

export default function BillsPage() {
  const [accounts, setAccounts] = useState<BoundAccountView[] | null>(null);
  const [account, setAccount] = useState<BoundAccountView | null>(null);
  const [data, setData] = useState<AccountBills | null>(null);

  async function show(target: BoundAccountView) {
    if (target.id !== account?.id) setData(null);
    setAccount(target);
    try {
      // Heating is billed by area: no meter, no usage chart.
      const [bills, usage] = await Promise.all([
        listBills(target.id),
        target.utility === 'gas' ? getUsage(target.id) : [],
      ]);
      setData({ bills, usage });
    } catch {
      // Shown by the wrapper; pull down to retry.
    }
  }

  async function load() {
    if (!requireResident(BILLS_URL)) return;
    try {
      // Keeps the account being looked at across reloads, if it is still bound.
      const picked = await pickAccount(account ? String(account.id) : undefined);
      setAccounts(picked.accounts);
      if (picked.account) await show(picked.account);
    } catch {
      setAccounts((current) => current ?? []);
    }
  }

  const { payingId, pay } = usePayBill(() => void load());
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (accounts === null) return <Text className="empty">加载中…</Text>;
  if (!account) {
    return (
      <View className="page bills">
        <Text className="empty">还没有绑定户号</Text>
        <ActionButton id="bills-bind" onClick={() => Taro.navigateTo({ url: '/packages/account/index' })}>
          绑定户号
        </ActionButton>
        <ActionButton id="bills-proxy-unbound" tone="secondary" onClick={() => Taro.navigateTo({ url: PROXY_URL })}>
          为他人代缴（无需绑定）
        </ActionButton>
      </View>
    );
  }
  const { unpaid, history } = splitBills(data?.bills ?? []);
  const row = (bill: BillView) => (
    <BillRow key={bill.id} bill={bill} paying={payingId === bill.id} onPay={() => void pay(bill.id)} />
  );
  return (
    <View className="page bills">
      {accounts.length > 1 ? (
        <View className="bills__accounts">
          {accounts.map((a) => (
            <Text
              key={a.id}
              id={`bills-account-${a.accountNo}`}
              className={a.id === account.id ? 'chip chip--on' : 'chip'}
              onClick={() => void show(a)}
            >
              {a.label ? `${a.label} ` : ''}
              {a.accountNo}
            </Text>
          ))}
        </View>
      ) : (
        <Text className="bills__section">户号 {account.accountNo}</Text>
      )}
      <View className="bills__links">
        <Text
          id="bills-records"
          className="bills__link"
          onClick={() => Taro.navigateTo({ url: recordsUrl(account.id) })}
        >
          缴费记录
        </Text>
        <Text id="bills-proxy" className="bills__link" onClick={() => Taro.navigateTo({ url: PROXY_URL })}>
          代缴费
        </Text>
        {account.utility === 'gas' ? (
          <Text
            id="bills-reading"
            className="bills__link"
            onClick={() => Taro.navigateTo({ url: readingUrl(account.id) })}
          >
            自助抄表
          </Text>
        ) : null}
      </View>
      {data === null ? <Text className="empty">加载中…</Text> : null}
      {data && unpaid.length === 0 ? (
        <Text id="bills-none-unpaid" className="notice">
          当前没有待缴账单
        </Text>
      ) : null}
      {unpaid.length ? <Text className="bills__section">待缴账单</Text> : null}
      {unpaid.map(row)}
      {data ? <UsageChart points={data.usage} /> : null}
      {history.length ? <Text className="bills__section">历史账单</Text> : null}
      {history.map(row)}
    </View>
  );
}
