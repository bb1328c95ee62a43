import type { PayResponse } from '@utility/shared';
import { openMockCashier } from './mock-cashier.h5';
import type { CashierResult } from '../services/pay-flow';
import { ApiRequestError, residentApi } from '../services/api/request';

/**
 * H5 stand-in for WeChat's cashier. On 确认支付 the server's fake WeChat Pay (mock mode only)
 * checks the signed parameters, marks the order paid and sends its notice, as WeChat would.
 */
export async function payAtCashier(order: PayResponse): Promise<CashierResult> {
  if (!(await openMockCashier(order.amountFen))) return { status: 'cancelled' };
  try {
    await residentApi.request('/api/dev/wechat-pay/pay', {
      method: 'POST',
      data: { outTradeNo: order.orderNo, payment: order.payParams },
      silent: true,
    });
    return { status: 'confirmed' };
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    return { status: 'failed', message: error.message };
  }
}
