import { Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { formatYuan, type BillView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { waiveLateFee } from '../../services/api/counter-payments';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { ACCOUNT_NO_ERROR, UnpaidBillSearch, isAccountNo, unpaidBillsOf } from '../counter/unpaid-bill-search';
import { withDeskFrame } from '../desk/desk-frame';
import { validateWaiverReason } from './waiver-form';
import '../job/index.scss';

interface Waived {
  bill: BillView;
  waivedFen: number;
}

/** 滞纳金减免: a supervisor looks up a 户号 and waives an unpaid bill's late fee with a reason. */
function LateFeeWaiverPage() {
  const [accountNo, setAccountNo] = useState('');
  const [bills, setBills] = useState<BillView[] | null>(null);
  const [chosen, setChosen] = useState<BillView | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [waived, setWaived] = useState<Waived | null>(null);

  useDidShow(() => void requireStaff());

  const refused = (error: unknown) => {
    if (!(error instanceof ApiRequestError)) throw error;
    setFailure(error.message);
  };

  async function search() {
    setFailure('');
    setChosen(null);
    setWaived(null);
    if (!isAccountNo(accountNo)) return setFailure(ACCOUNT_NO_ERROR);
    try {
      setBills(await unpaidBillsOf(accountNo));
    } catch (error) {
      setBills(null);
      refused(error);
    }
  }

  async function submit() {
    if (!chosen) return;
    const checked = validateWaiverReason(reason);
    if (!checked.ok) return setReasonError(checked.error);
    setReasonError('');
    setFailure('');
    setBusy(true);
    try {
      const bill = await waiveLateFee(chosen.id, checked.reason);
      setWaived({ bill, waivedFen: chosen.lateFeeFen });
      setBills((list) => list?.map((b) => (b.id === bill.id ? bill : b)) ?? null);
      setChosen(null);
      setReason('');
    } catch (error) {
      refused(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page">
      <UnpaidBillSearch
        id="late-fee"
        buttonLabel="查询欠费账单"
        accountNo={accountNo}
        onInput={setAccountNo}
        onSearch={() => void search()}
      />
      {waived ? (
        <View id="late-fee-done" className="card job__done">
          <Text className="job__done-title">已减免滞纳金 {formatYuan(waived.waivedFen)}</Text>
          <Text className="muted">
            户号 {waived.bill.accountNo} · {waived.bill.period} · 现应缴 {formatYuan(waived.bill.payableFen)}
          </Text>
        </View>
      ) : null}
      {bills && bills.length === 0 ? (
        <Text id="late-fee-none" className="notice">
          该户没有待缴账单
        </Text>
      ) : null}
      {bills && bills.length ? (
        <View className="card">
          {bills.map((b) => (
            <View key={b.id} id={`late-fee-bill-${b.period}`} className="choice">
              <Text>
                {b.period} · 应缴 {formatYuan(b.payableFen)}
                {b.lateFeeFen > 0 ? `（含滞纳金 ${formatYuan(b.lateFeeFen)}）` : ''}
                {b.lateFeeWaived ? '（滞纳金已减免）' : ''}
              </Text>
              {b.lateFeeFen > 0 ? (
                <ActionButton
                  id={`late-fee-waive-${b.period}`}
                  tone="secondary"
                  onClick={() => (setChosen(b), setReasonError(''), setFailure(''))}
                >
                  减免滞纳金
                </ActionButton>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
      {chosen ? (
        <View id="late-fee-form" className="card">
          <Text className="card__title">
            减免 {chosen.period} 滞纳金 {formatYuan(chosen.lateFeeFen)}
          </Text>
          <FormField label="减免原因" id="late-fee-reason" error={reasonError}>
            <Textarea
              id="late-fee-reason"
              className="field__textarea"
              placeholder="如：银行系统故障导致代扣延迟"
              maxlength={200}
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
          </FormField>
          <ActionButton id="late-fee-submit" busy={busy} onClick={() => void submit()}>
            确认减免
          </ActionButton>
        </View>
      ) : null}
      {failure ? (
        <Text id="late-fee-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(LateFeeWaiverPage, 'late-fees', '滞纳金减免');
