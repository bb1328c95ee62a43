import Taro from '@tarojs/taro';
import type { PayResponse } from '@utility/shared';
import type { CashierResult } from '../services/pay-flow';

/** WeChat's own cashier, with the parameters exactly as the server signed them. */
export async function payAtCashier(order: PayResponse): Promise<CashierResult> {
  const { timeStamp, nonceStr, package: prepay, signType, paySign } = order.payParams;
  try {
    await Taro.requestPayment({ timeStamp, nonceStr, package: prepay, signType, paySign });
    return { status: 'confirmed' };
  } catch (error) {
    const errMsg = (error as { errMsg?: string } | undefined)?.errMsg ?? '';
    if (errMsg.includes('cancel')) return { status: 'cancelled' };
    return { status: 'failed', message: '支付未完成，请稍后重试' };
  }
}
