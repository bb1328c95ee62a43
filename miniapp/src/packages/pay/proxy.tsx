import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { formatYuan, type PayByAccountView } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { payAtCashier } from '../../platform/pay';
import { createPayment, lookUpByAccount } from '../../services/api/payments';
import { ApiRequestError } from '../../services/api/request';
import { requireResident } from '../../services/resident-session';
import { periodLabel } from './bill-format';
import { PROXY_URL } from './pay-urls';

/**
 * 代缴: pay a relative's or a tenant's bills by 户号, without binding the account. Only the masked holder
 * and address and the amounts are shown (the details stay with the household).
 */
export default function ProxyPayPage() {
  const [accountNo, setAccountNo] = useState('');
  const [found, setFound] = useState<PayByAccountView | null>(null);
  const [failure, setFailure] = useState('');
  const [payingId, setPayingId] = useState<number | null>(null);
  const [paidIds, setPaidIds] = useState<number[]>([]);
  const busy = useRef(false);

  useDidShow(() => void requireResident(PROXY_URL));

  async function search() {
    setFailure('');
    setFound(null);
    setPaidIds([]);
    if (!/^\d{10}$/.test(accountNo.trim())) return setFailure('户号应为10位数字，可在燃气缴费单或卡上找到');
    try {
      setFound(await lookUpByAccount(accountNo.trim()));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.status === 404 ? '未找到该户号，请核对后重试' : error.message);
    }
  }

  async function pay(billId: number) {
    if (busy.current) return;
    busy.current = true;
    setPayingId(billId);
    try {
      const order = await createPayment(billId);
      const cashier = await payAtCashier(order);
      if (cashier.status === 'confirmed') {
        setPaidIds((ids) => [...ids, billId]);
        void Taro.showToast({ title: '支付成功，入账可能需要几秒', icon: 'none' });
      } else {
        void Taro.showToast({ title: cashier.status === 'cancelled' ? '已取消支付' : cashier.message, icon: 'none' });
      }
    } catch (error) {
      // The wrapper showed the server's message (e.g. 该账单已缴清).
      if (!(error instanceof ApiRequestError)) throw error;
    } finally {
      busy.current = false;
      setPayingId(null);
    }
  }

  return (
    <View className="page">
      <View className="card">
        <FormField label="户号" id="proxy-account">
          <Input
            id="proxy-account"
            type="number"
            maxlength={10}
            value={accountNo}
            placeholder="请输入要代缴的10位户号"
            onInput={(e) => setAccountNo(e.detail.value)}
          />
        </FormField>
        <Text className="muted">无需绑定即可为家人、租客代缴。为保护隐私，仅显示部分户主姓名和地址。</Text>
        <ActionButton id="proxy-search" onClick={() => void search()}>
          查询账单
        </ActionButton>
      </View>
      {failure ? (
        <Text id="proxy-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
      {found ? (
        <View id="proxy-account-found" className="card">
          <Text className="card__title">户号 {found.accountNo}</Text>
          <Text id="proxy-holder" className="muted">
            户主 {found.holderMasked}
          </Text>
          <Text id="proxy-address" className="muted">
            地址 {found.addressMasked}
          </Text>
          <Text className="muted">请核对户主和地址，确认是要代缴的户号。</Text>
        </View>
      ) : null}
      {found && found.bills.length === 0 ? (
        <Text id="proxy-none" className="notice">
          该户当前没有待缴账单
        </Text>
      ) : null}
      {found?.bills.map((b) => {
        const paid = paidIds.includes(b.id);
        return (
          <View key={b.id} id={`proxy-bill-${b.period}`} className="card">
            <View className="row">
              <Text>{periodLabel(b.period)}</Text>
              <Text>{formatYuan(b.payableFen)}</Text>
            </View>
            <Text className={b.overdue ? 'text-breached' : 'muted'}>
              {b.overdue ? `已逾期（应于 ${b.dueOn} 前缴清）` : `缴费截止 ${b.dueOn}`}
              {b.lateFeeFen > 0 ? ` · 含滞纳金 ${formatYuan(b.lateFeeFen)}` : ''}
            </Text>
            {paid ? (
              <Text id={`proxy-paid-${b.period}`} className="text-ok">
                已支付
              </Text>
            ) : (
              <ActionButton
                id={`proxy-pay-${b.period}`}
                size="small"
                busy={payingId === b.id}
                onClick={() => void pay(b.id)}
              >
                代缴 {formatYuan(b.payableFen)}
              </ActionButton>
            )}
          </View>
        );
      })}
    </View>
  );
}
