import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  INVOICE_STATUS_LABELS,
  INVOICE_TITLE_KIND_LABELS,
  INVOICE_TITLE_KINDS,
  formatYuan,
  type InvoiceView,
} from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { listMyInvoices, reissueInvoice, requestInvoice } from '../../services/api/invoices';
import { ApiRequestError } from '../../services/api/request';
import { requireResident } from '../../services/resident-session';
import { EMPTY_INVOICE_FORM, validateInvoice, type InvoiceErrors, type InvoiceForm } from './invoice-form';
import { OfflineInvoice } from './offline-invoice';

/**
 * 开发票 for a paid payment (`?paymentId=`; `&offline=1` for counter or bank money, whose title WeChat Pay's own
 * page collects: offline-invoice.tsx), or 重开 an issued invoice with a corrected title (`?invoiceId=`):
 * the old one is reversed (红冲) and the new one goes into the WeChat card wallet.
 */
export default function InvoicePage() {
  const { params } = useRouter();
  const paymentId = Number(params.paymentId);
  const invoiceId = params.invoiceId ? Number(params.invoiceId) : null;
  return params.offline && !invoiceId ? (
    <OfflineInvoice paymentId={paymentId} />
  ) : (
    <TitledInvoice paymentId={paymentId} invoiceId={invoiceId} />
  );
}

/** The title typed here: a WeChat Pay payment's invoice, or any reissue. */
function TitledInvoice({ paymentId, invoiceId }: { paymentId: number; invoiceId: number | null }) {
  const [form, setForm] = useState<InvoiceForm>(EMPTY_INVOICE_FORM);
  const [errors, setErrors] = useState<InvoiceErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<InvoiceView | null>(null);
  const [old, setOld] = useState<InvoiceView | null>(null);
  // One key per form fill: a retried submit is the same request.
  const key = useRef(newIdempotencyKey());

  useDidShow(() => {
    if (!requireResident(`/packages/pay/invoice?${invoiceId ? `invoiceId=${invoiceId}` : `paymentId=${paymentId}`}`))
      return;
    if (invoiceId)
      void listMyInvoices().then(
        (all) => setOld(all.find((i) => i.id === invoiceId) ?? null),
        () => undefined,
      );
  });

  async function submit() {
    const checked = validateInvoice(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      setDone(
        invoiceId
          ? await reissueInvoice(invoiceId, checked.request, key.current)
          : await requestInvoice({ paymentId, ...checked.request }, key.current),
      );
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <View className="page">
        <View id="invoice-done" className="card">
          <Text className="card__title">{invoiceId ? '已申请重开发票' : '已提交开票申请'}</Text>
          <Text className="muted">
            {done.titleName} · {formatYuan(done.amountFen)} · {INVOICE_STATUS_LABELS[done.status]}
          </Text>
          <Text className="muted">
            {invoiceId ? '原发票冲红后，新发票将放入微信卡包' : '开具后发票将放入您的微信卡包（我 → 卡包）'}
          </Text>
        </View>
        <ActionButton id="invoice-back" onClick={() => Taro.navigateBack()}>
          返回
        </ActionButton>
      </View>
    );
  }

  return (
    <View className="page">
      {old ? (
        <Text id="invoice-old" className="notice">
          原发票抬头：{old.titleName}
          {old.taxNo ? `（${old.taxNo}）` : ''}，重开将先冲红原发票
        </Text>
      ) : null}
      <View className="card">
        <FormField label="抬头类型" id="invoice-kind">
          <View className="choices">
            {INVOICE_TITLE_KINDS.map((kind) => (
              <View
                key={kind}
                id={`invoice-kind-${kind}`}
                className={form.kind === kind ? 'choice choice--on' : 'choice'}
                onClick={() => setForm((f) => ({ ...f, kind }))}
              >
                <Text>{INVOICE_TITLE_KIND_LABELS[kind]}</Text>
              </View>
            ))}
          </View>
        </FormField>
        <FormField label={form.kind === 'company' ? '单位名称' : '姓名'} id="invoice-name" error={errors.name}>
          <Input
            id="invoice-name"
            maxlength={100}
            value={form.name}
            placeholder={form.kind === 'company' ? '与营业执照一致' : '个人姓名'}
            onInput={(e) => setForm((f) => ({ ...f, name: e.detail.value }))}
          />
        </FormField>
        {form.kind === 'company' ? (
          <FormField label="税号" id="invoice-tax-no" error={errors.taxNo}>
            <Input
              id="invoice-tax-no"
              maxlength={20}
              value={form.taxNo}
              placeholder="18位统一社会信用代码"
              onInput={(e) => setForm((f) => ({ ...f, taxNo: e.detail.value }))}
            />
          </FormField>
        ) : null}
        <ActionButton id="invoice-submit" busy={busy} onClick={() => void submit()}>
          {invoiceId ? '冲红并重开' : '提交开票'}
        </ActionButton>
      </View>
      {failure ? (
        <Text id="invoice-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
    </View>
  );
}
