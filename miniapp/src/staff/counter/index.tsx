import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { PAYMENT_METHOD_LABELS, formatYuan, type BillView, type CounterPaymentView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { recordCounterPayment } from '../../services/api/counter-payments';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { COUNTER_METHODS, validateCounter, type CounterErrors, type CounterForm } from './counter-form';
import { ACCOUNT_NO_ERROR, UnpaidBillSearch, isAccountNo, unpaidBillsOf } from './unpaid-bill-search';
import { withDeskFrame } from '../desk/desk-frame';
import '../job/index.scss';

const EMPTY: CounterForm = { billId: null, method: null, receiptNo: '', amountFen: 0 };

/** 柜台收费: billing staff take a bill's money at the counter (现金 / POS / 转账) against a receipt number. */
function CounterPaymentPage() {
  const [accountNo, setAccountNo] = useState('');
  const [bills, setBills] = useState<BillView[] | null>(null);
  const [form, setForm] = useState<CounterForm>(EMPTY);
  const [errors, setErrors] = useState<CounterErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CounterPaymentView | null>(null);

  useDidShow(() => void requireStaff());

  async function search() {
    setFailure('');
    setForm(EMPTY);
    if (!isAccountNo(accountNo)) return setFailure(ACCOUNT_NO_ERROR);
    try {
      setBills(await unpaidBillsOf(accountNo));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setBills(null);
      setFailure(error.message);
    }
  }

  async function submit() {
    const checked = validateCounter(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      setDone(await recordCounterPayment(checked.request));
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
        <View id="counter-done" className="card job__done">
          <Text className="job__done-title">
            {done.replayed ? '该收据已入账（未重复收费）' : '收费成功，账单已缴清'}
          </Text>
          <Text className="muted">
            户号 {done.bill.accountNo} · {done.bill.period} · {formatYuan(done.payment.amountFen)}
          </Text>
          <Text className="muted">
            {PAYMENT_METHOD_LABELS[done.payment.method]} · 收据号 {done.payment.receiptNo}
          </Text>
        </View>
        <ActionButton
          id="counter-next"
          tone="secondary"
          onClick={() => (setDone(null), setBills(null), setAccountNo(''), setForm(EMPTY))}
        >
          下一位
        </ActionButton>
      </View>
    );
  }

  return (
    <View className="page">
      <UnpaidBillSearch
        id="counter"
        buttonLabel="查询待缴账单"
        accountNo={accountNo}
        onInput={setAccountNo}
        onSearch={() => void search()}
      />
      {bills && bills.length === 0 ? (
        <Text id="counter-none" className="notice">
          该户没有待缴账单
        </Text>
      ) : null}
      {bills && bills.length ? (
        <View className="card">
          <FormField label="账单" id="counter-bill" error={errors.billId}>
            <View className="choices">
              {bills.map((b) => (
                <View
                  key={b.id}
                  id={`counter-bill-${b.period}`}
                  className={form.billId === b.id ? 'choice choice--on' : 'choice'}
                  onClick={() => setForm((f) => ({ ...f, billId: b.id, amountFen: b.payableFen }))}
                >
                  <Text>
                    {b.period} · 应收 {formatYuan(b.payableFen)}
                    {b.lateFeeFen > 0 ? `（含滞纳金 ${formatYuan(b.lateFeeFen)}）` : ''}
                  </Text>
                </View>
              ))}
            </View>
          </FormField>
          <FormField label="收款方式" id="counter-method" error={errors.method}>
            <View className="choices">
              {COUNTER_METHODS.map(({ method, label }) => (
                <View
                  key={method}
                  id={`counter-method-${method}`}
                  className={form.method === method ? 'choice choice--on' : 'choice'}
                  onClick={() => setForm((f) => ({ ...f, method }))}
                >
                  <Text>{label}</Text>
                </View>
              ))}
            </View>
          </FormField>
          <FormField label="收据号" id="counter-receipt" error={errors.receiptNo}>
            <Input
              id="counter-receipt"
              maxlength={30}
              value={form.receiptNo}
              placeholder="纸质收据或POS小票上的编号"
              onInput={(e) => setForm((f) => ({ ...f, receiptNo: e.detail.value }))}
            />
          </FormField>
          <ActionButton id="counter-submit" busy={busy} onClick={() => void submit()}>
            {form.billId ? `确认收款 ${formatYuan(form.amountFen)}` : '确认收款'}
          </ActionButton>
        </View>
      ) : null}
      {failure ? (
        <Text id="counter-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(CounterPaymentPage, 'counter', '柜台收费');
