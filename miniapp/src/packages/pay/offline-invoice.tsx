import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { formatYuan, type InvoiceView } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { openInvoiceTitlePage } from '../../platform/invoice-title';
import { requestInvoice } from '../../services/api/invoices';
import { ApiRequestError } from '../../services/api/request';
import { requireResident } from '../../services/resident-session';

/**
 * 开发票 for counter or bank money (docs/domain.md#invoices): the title is filled on WeChat Pay's title page,
 * not here; the invoice is issued into the card wallet once it is submitted there.
 */
export function OfflineInvoice({ paymentId }: { paymentId: number }) {
  const [asked, setAsked] = useState<InvoiceView | null>(null);
  const [opened, setOpened] = useState(false);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  useDidShow(() => void requireResident(`/packages/pay/invoice?paymentId=${paymentId}&offline=1`));

  async function fillTitle() {
    setFailure('');
    setBusy(true);
    try {
      const invoice = await requestInvoice({ paymentId }, key.current);
      setAsked(invoice);
      if (invoice.titleLink) {
        const ok = await openInvoiceTitlePage(invoice.titleLink);
        setOpened(ok);
        if (!ok) setFailure('未完成抬头填写，可稍后再次点击填写');
      }
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    } finally {
      setBusy(false);
    }
  }

  const waiting = !asked || (asked.awaitingTitle && !opened);
  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">柜台或银行缴费开票</Text>
        <Text className="muted">
          这笔缴费不是通过微信支付完成的，发票抬头需在微信开票页面填写并授权；提交后发票将放入您的微信卡包。
        </Text>
        {asked ? <Text className="muted">开票金额：{formatYuan(asked.amountFen)}</Text> : null}
        {waiting ? (
          <ActionButton id="invoice-fill-title" busy={busy} onClick={() => void fillTitle()}>
            去微信填写抬头
          </ActionButton>
        ) : (
          <View id="invoice-done">
            <Text className="card__title">已提交开票申请</Text>
            <Text className="muted">开具后发票将放入您的微信卡包（我 → 卡包）</Text>
          </View>
        )}
      </View>
      {failure ? (
        <Text id="invoice-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
      {waiting ? null : (
        <ActionButton id="invoice-back" onClick={() => void Taro.navigateBack()}>
          返回
        </ActionButton>
      )}
    </View>
  );
}
