import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import {
  INVOICE_STATUSES,
  INVOICE_STATUS_LABELS,
  INVOICE_TITLE_KIND_LABELS,
  formatYuan,
  type InvoiceStatus,
  type StaffInvoiceView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { listStaffInvoices } from '../../services/api/invoices';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';
import './desk.scss';

const COLUMNS = ['户号', '状态', '抬头', '税号', '金额', '类型', '发票号码', '申请时间'];

/** 发票管理: billing staff see their district's e-invoices, filtered by status and 户号; a table at a desk. */
function StaffInvoicesPage() {
  const [status, setStatus] = useState<InvoiceStatus | null>(null);
  const [accountNo, setAccountNo] = useState('');
  const [invoices, setInvoices] = useState<StaffInvoiceView[] | null>(null);
  const [failure, setFailure] = useState('');

  async function load(next: InvoiceStatus | null = status) {
    setFailure('');
    try {
      setInvoices(await listStaffInvoices({ status: next ?? undefined, accountNo: accountNo.trim() || undefined }));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }

  useDidShow(() => {
    if (requireStaff()) void load();
  });
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const pick = (next: InvoiceStatus | null) => {
    setStatus(next);
    void load(next);
  };

  return (
    <View className="page invoice-list">
      <View className="card">
        <FormField label="状态" id="invoices-status">
          <View className="choices">
            {[null, ...INVOICE_STATUSES].map((s) => (
              <View
                key={s ?? 'all'}
                id={`invoices-status-${s ?? 'all'}`}
                className={status === s ? 'choice choice--on' : 'choice'}
                onClick={() => pick(s)}
              >
                <Text>{s ? INVOICE_STATUS_LABELS[s] : '全部'}</Text>
              </View>
            ))}
          </View>
        </FormField>
        <FormField label="户号" id="invoices-account" optional>
          <Input
            id="invoices-account"
            type="number"
            maxlength={10}
            value={accountNo}
            placeholder="按户号筛选"
            onInput={(e) => setAccountNo(e.detail.value)}
          />
        </FormField>
        <ActionButton id="invoices-search" tone="secondary" onClick={() => void load()}>
          查询
        </ActionButton>
      </View>
      {failure ? (
        <Text id="invoices-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
      {invoices && invoices.length === 0 ? (
        <Text id="invoices-empty" className="empty">
          没有符合条件的发票
        </Text>
      ) : null}
      {invoices && invoices.length ? (
        <View className="invoice-list__head">
          {COLUMNS.map((c) => (
            <Text key={c} className="invoice-list__cell">
              {c}
            </Text>
          ))}
        </View>
      ) : null}
      {(invoices ?? []).map((i) => (
        <View key={i.id} id={`invoice-${i.id}`} className="card invoice-list__row">
          <Text className="invoice-list__cell">{i.accountNo}</Text>
          <Text className={i.status === 'reversed' ? 'badge badge--high' : 'badge badge--status'}>
            {INVOICE_STATUS_LABELS[i.status]}
          </Text>
          <Text className="invoice-list__cell">{i.titleName}</Text>
          <Text className="invoice-list__cell muted">{i.taxNo ?? '—'}</Text>
          <Text className="invoice-list__cell">{formatYuan(i.amountFen)}</Text>
          <Text className="invoice-list__cell muted">{INVOICE_TITLE_KIND_LABELS[i.titleKind]}</Text>
          <Text className="invoice-list__cell">{i.fapiaoNumber ?? '—'}</Text>
          <Text className="invoice-list__cell muted">{formatFullTime(i.requestedAt)}</Text>
        </View>
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(StaffInvoicesPage, 'invoices', '发票管理');
