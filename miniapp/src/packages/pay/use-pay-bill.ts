import Taro from '@tarojs/taro';
import { ErrorCode } from '@utility/shared';
import { useRef, useState } from 'react';
import { payBill, type WaitOptions } from '../../services/pay-flow';
import { ApiRequestError } from '../../services/api/request';
import { resultUrl } from './pay-urls';

/**
 * The 缴费 buttons: one payment at a time, then the result page (paid with its receipt, or
 * 确认中). `onStale` reloads the bills when the server says one was paid meanwhile.
 */
export function usePayBill(onStale: () => void, wait?: WaitOptions) {
  const [payingId, setPayingId] = useState<number | null>(null);
  // A second tap before the state re-renders must not open a second cashier.
  const busy = useRef(false);

  async function pay(billId: number) {
    if (busy.current) return;
    busy.current = true;
    setPayingId(billId);
    let loading = false;
    try {
      const outcome = await payBill(billId, {
        ...wait,
        onConfirmed: () => {
          loading = true;
          void Taro.showLoading({ title: '正在确认支付结果', mask: true });
        },
      });
      if (outcome.status === 'paid' || outcome.status === 'pending') {
        void Taro.navigateTo({ url: resultUrl(billId, outcome.orderNo) });
      } else {
        void Taro.showToast({ title: outcome.status === 'cancelled' ? '已取消支付' : outcome.message, icon: 'none' });
      }
    } catch (error) {
      // The wrapper showed the server's message (e.g. 该账单已缴清，无需重复缴费).
      if (error instanceof ApiRequestError && error.code === ErrorCode.BillAlreadyPaid) onStale();
      else if (!(error instanceof ApiRequestError)) throw error;
    } finally {
      if (loading) void Taro.hideLoading();
      busy.current = false;
      setPayingId(null);
    }
  }

  return { payingId, pay };
}
