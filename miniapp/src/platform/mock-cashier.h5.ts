import { formatYuan } from '@utility/shared';
import './mock-cashier.scss';

/** The payee WeChat's cashier names (the merchant's short name). */
export const MERCHANT_NAME = '智慧燃气·热力服务';

function element(tag: 'div' | 'button', className: string, text = '', id = ''): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  if (id) el.id = id;
  return el;
}

/**
 * H5 only: a look-alike of WeChat Pay's cashier sheet (plain DOM over the page, like
 * mock-sheet.h5.ts: it stands for WeChat's UI, not the app's). True on 确认支付, false on 取消.
 */
export function openMockCashier(amountFen: number): Promise<boolean> {
  const mask = element('div', 'mock-cashier');
  const panel = element('div', 'mock-cashier__panel');
  const cancel = element('button', 'mock-cashier__cancel', '取消', 'pay-cancel');
  const confirm = element('button', 'mock-cashier__confirm', '确认支付', 'pay-confirm');
  const method = element('div', 'mock-cashier__method');
  method.append(element('div', '', '付款方式'), element('div', '', '零钱'));
  panel.append(
    cancel,
    element('div', 'mock-cashier__brand', '微信支付'),
    element('div', 'mock-cashier__merchant', MERCHANT_NAME),
    element('div', 'mock-cashier__amount', formatYuan(amountFen), 'pay-amount'),
    method,
    confirm,
    element('div', 'mock-cashier__note', '模拟微信收银台（仅 H5 测试环境）'),
  );
  mask.append(panel);
  document.body.append(mask);

  return new Promise((resolve) => {
    const close = (paid: boolean) => {
      mask.remove();
      resolve(paid);
    };
    cancel.onclick = () => close(false);
    confirm.onclick = () => close(true);
  });
}
