import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { INVOICE_STATUS_LABELS, PAYMENT_METHOD_LABELS, formatYuan, type PaymentView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { formatFullTime } from '../../format/time';
import { periodLabel } from './bill-format';
import './receipt.scss';

const STATUS_LABELS: Record<PaymentView['status'], string> = {
  open: '待支付',
  paid: '已支付',
  closed: '已关闭',
  refunded: '已退款',
};

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className="row receipt__line">
      <Text className="muted receipt__label">{label}</Text>
      <Text className="receipt__value">{value}</Text>
    </View>
  );
}

/** 收据: what the resident shows when asked whether a bill was paid. */
export function Receipt({ payment, id }: { payment: PaymentView; id?: string }) {
  return (
    <View id={id ?? `receipt-${payment.orderNo}`} className="card receipt">
      <View className="row">
        <Text className="card__title">收据</Text>
        <Text className={payment.status === 'refunded' ? 'badge badge--high' : 'badge badge--status'}>
          {STATUS_LABELS[payment.status]}
        </Text>
      </View>
      <Line label="户号" value={payment.accountNo} />
      <Line label="账期" value={periodLabel(payment.period)} />
      <Line label="金额" value={formatYuan(payment.amountFen)} />
      <Line label="缴费方式" value={PAYMENT_METHOD_LABELS[payment.method]} />
      {payment.method === 'wechat' ? (
        <>
          <Line label="微信支付交易单号" value={payment.transactionId ?? '—'} />
          <Line label="商户订单号" value={payment.orderNo} />
        </>
      ) : (
        <Line label={payment.method === 'bank_debit' ? '银行流水号' : '收据号'} value={payment.receiptNo ?? '—'} />
      )}
      <Line label="支付时间" value={payment.paidAt ? formatFullTime(payment.paidAt) : '—'} />
      <InvoiceLine payment={payment} />
    </View>
  );
}

/** The payment's e-invoice (docs/domain.md#invoices): its status, 开发票 when none yet, 重开 when issued. */
function InvoiceLine({ payment }: { payment: PaymentView }) {
  const { invoice } = payment;
  if (!invoice && !payment.invoiceable) return null;
  return (
    <View id={`receipt-invoice-${payment.orderNo}`} className="row receipt__line">
      <Text className="muted receipt__label">发票</Text>
      <Text className="receipt__value">
        {!invoice ? '未开票' : invoice.awaitingTitle ? '待填写抬头' : INVOICE_STATUS_LABELS[invoice.status]}
      </Text>
      {payment.invoiceable ? (
        <ActionButton
          id={`invoice-request-${payment.orderNo}`}
          size="small"
          tone="secondary"
          onClick={() =>
            void Taro.navigateTo({
              url: `/packages/pay/invoice?paymentId=${payment.id}${payment.method === 'wechat' ? '' : '&offline=1'}`,
            })
          }
        >
          开发票
        </ActionButton>
      ) : null}
      {invoice?.awaitingTitle ? (
        <ActionButton
          id={`invoice-title-${payment.orderNo}`}
          size="small"
          tone="secondary"
          onClick={() => void Taro.navigateTo({ url: `/packages/pay/invoice?paymentId=${payment.id}&offline=1` })}
        >
          填写抬头
        </ActionButton>
      ) : null}
      {invoice?.status === 'issued' ? (
        <ActionButton
          id={`invoice-reissue-${payment.orderNo}`}
          size="small"
          tone="secondary"
          onClick={() => void Taro.navigateTo({ url: `/packages/pay/invoice?invoiceId=${invoice.id}` })}
        >
          重开
        </ActionButton>
      ) : null}
    </View>
  );
}
