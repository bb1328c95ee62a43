import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { formatYuan, type BillView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { UTILITY_LABELS } from '../../format/accounts';
import { formatFullTime } from '../../format/time';
import { getBill } from '../../services/api/bills';
import { requireResident } from '../../services/resident-session';
import { BillLines } from './bill-lines';
import { cubicMetres, periodLabel } from './bill-format';
import { usePayBill } from './use-pay-bill';
import './detail.scss';

function Field({ label, children, id }: { label: string; children: string; id?: string }) {
  return (
    <View className="row bill-detail__field">
      <Text className="muted">{label}</Text>
      <Text id={id}>{children}</Text>
    </View>
  );
}

export default function BillDetailPage() {
  const { params } = useRouter();
  const billId = Number(params.id);
  const [bill, setBill] = useState<BillView | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    if (!requireResident(`/packages/pay/detail?id=${billId}`)) return;
    try {
      setBill(await getBill(billId));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  const { payingId, pay } = usePayBill(() => void load());
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!bill) return <Text className="empty">{failed ? '账单加载失败，请下拉刷新' : '加载中…'}</Text>;
  const unpaid = bill.status === 'unpaid';
  const gas = bill.utility === 'gas';
  return (
    <View className="page bill-detail">
      <View className="card">
        <View className="row">
          <Text id="bill-detail-period" className="card__title">
            {periodLabel(bill.period)}
            {UTILITY_LABELS[bill.utility] ?? ''}账单
          </Text>
          <Text
            id="bill-detail-status"
            className={unpaid ? (bill.overdue ? 'badge badge--high' : 'badge badge--status') : 'badge'}
          >
            {unpaid ? (bill.overdue ? '已逾期' : '待缴') : '已缴清'}
          </Text>
        </View>
        <Field label="户号">{bill.accountNo}</Field>
        <Field label="计费周期">{`${bill.fromOn} 至 ${bill.toOn}`}</Field>
        {gas ? (
          <Field
            label="表数（m³）"
            id="bill-detail-readings"
          >{`${cubicMetres(bill.fromValueCentiM3)} → ${cubicMetres(bill.toValueCentiM3)}`}</Field>
        ) : null}
        {gas ? <Field label="用气量" id="bill-detail-volume">{`${cubicMetres(bill.volumeCentiM3)} m³`}</Field> : null}
        {bill.utility === 'power' ? (
          <Field
            label="表数（kWh）"
            id="bill-detail-readings"
          >{`${cubicMetres(bill.fromValueCentiM3)} → ${cubicMetres(bill.toValueCentiM3)}`}</Field>
        ) : null}
        {bill.utility === 'power' ? (
          <Field label="用电量" id="bill-detail-volume">{`${cubicMetres(bill.volumeCentiM3)} kWh`}</Field>
        ) : null}
      </View>
      <View className="card">
        <Text className="card__title">费用明细</Text>
        <BillLines lines={bill.lines} amountFen={bill.amountFen} idPrefix="bill-detail" />
      </View>
      <View className="card">
        <Field label="缴费截止" id="bill-detail-due">
          {bill.dueOn}
        </Field>
        {bill.lateFeeFen > 0 ? (
          <Field label={unpaid ? '滞纳金（截至今日）' : '滞纳金'} id="bill-detail-late-fee">
            {formatYuan(bill.lateFeeFen)}
          </Field>
        ) : null}
        {bill.lateFeeWaived ? (
          <Field label="滞纳金" id="bill-detail-late-fee-waived">
            已减免
          </Field>
        ) : null}
        {bill.paidFen > 0 ? <Field label="已缴金额">{formatYuan(bill.paidFen)}</Field> : null}
        {bill.paidAt ? (
          <Field label="缴费时间" id="bill-detail-paid-at">
            {formatFullTime(bill.paidAt)}
          </Field>
        ) : null}
        {unpaid && bill.overdue ? (
          <Text className="text-breached bill-detail__overdue">已超过缴费截止日期，请尽快缴费</Text>
        ) : null}
      </View>
      {unpaid ? (
        <ActionButton id="bill-detail-pay" busy={payingId === bill.id} onClick={() => void pay(bill.id)}>
          立即缴费 {formatYuan(bill.payableFen)}
        </ActionButton>
      ) : null}
    </View>
  );
}
