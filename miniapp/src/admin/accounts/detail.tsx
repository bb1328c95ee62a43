import { Input, Switch, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import {
  METER_KINDS,
  METER_KIND_LABELS,
  PAYMENT_MODE_LABELS,
  USAGE_TYPE_LABELS,
  UTILITY_LABELS,
  type AdminAccountPatch,
  type AdminAccountView,
  type PaymentMode,
  type UsageType,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { editAccount, getAccount, revealAccountPhone } from '../../services/api/admin-accounts';
import { requireStaff } from '../../services/session';
import { type Draft, draftOf, patchOf } from './account-admin';
import { DeskPicker } from '../../components/desk-picker';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './index.scss';

const USAGE_TYPES = Object.keys(USAGE_TYPE_LABELS) as UsageType[];
const PAYMENT_MODES = Object.keys(PAYMENT_MODE_LABELS) as PaymentMode[];

const date = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** One account: its record, edit, 过户 by a new holder's name, deactivation. */
function AccountDetailPage() {
  const [account, setAccount] = useState<AdminAccountView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [phone, setPhone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useLoad((params: { accountNo?: string }) => {
    if (!requireStaff() || !params.accountNo) return;
    void getAccount(params.accountNo).then((a) => {
      setAccount(a);
      setDraft(draftOf(a));
      setPhone(a.phone);
    });
  });

  async function save(patch: AdminAccountPatch) {
    if (!account) return;
    if (!Object.keys(patch).length) {
      void Taro.showToast({ title: '没有修改', icon: 'none' });
      return;
    }
    if (patch.holderName) {
      const { confirm } = await Taro.showModal({
        title: '确认过户',
        content: `户主将由“${account.holderName}”变更为“${patch.holderName}”，该户号的所有居民绑定将解除并通知居民。`,
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      const next = await editAccount(account.accountNo, patch);
      setAccount(next);
      setDraft(draftOf(next));
      setPhone(next.phone);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch {
      // The request wrapper has shown why.
    } finally {
      setBusy(false);
    }
  }

  async function setActive(active: boolean) {
    if (!account) return;
    if (!active) {
      const { confirm } = await Taro.showModal({
        title: '停用户号',
        content: '停用后居民不能再绑定该户号，档案保留。',
      });
      if (!confirm) return;
    }
    await save({ active });
  }

  if (!account || !draft) return <View className="page" />;
  const set = (field: keyof Draft) => (e: { detail: { value: string } }) =>
    setDraft({ ...draft, [field]: e.detail.value });
  return (
    <View className="page">
      <View className="card">
        <View className="row">
          <Text id="account-no" className="card__title">
            {account.accountNo}
          </Text>
          <Text className={account.active ? 'text-ok' : 'text-breached'}>{account.active ? '正常' : '已停用'}</Text>
        </View>
        <Text className="muted">
          {UTILITY_LABELS[account.utility]} · {account.districtName} · {account.stationName}
        </Text>
        <View className="row">
          <Text>预留手机号：{phone ?? '无'}</Text>
          {account.phone && phone === account.phone ? (
            <ActionButton
              tone="secondary"
              size="small"
              onClick={() => void revealAccountPhone(account.accountNo).then((r) => setPhone(r.phone))}
            >
              查看完整号码
            </ActionButton>
          ) : null}
        </View>
        <Text className="muted">户主自 {date(account.holderSince)} 起</Text>
      </View>

      <View className="card">
        <FormField label="户主姓名（修改即过户）" id="holder-name">
          <Input id="holder-name" className="field__input" value={draft.holderName} onInput={set('holderName')} />
        </FormField>
        <FormField label="地址" id="address">
          <Input id="address" className="field__input" value={draft.address} onInput={set('address')} />
        </FormField>
        <FormField label="表号" id="meter-no" optional>
          <Input id="meter-no" className="field__input" value={draft.meterNo} onInput={set('meterNo')} />
        </FormField>
        {account.utility === 'heating' ? (
          <FormField label="供热面积（平方米）" id="heated-area" optional>
            <Input
              id="heated-area"
              className="field__input"
              type="digit"
              value={draft.heatedArea}
              onInput={set('heatedArea')}
            />
          </FormField>
        ) : null}
        <FormField label="用户类型" id="usage-type">
          <DeskPicker
            mode="selector"
            range={USAGE_TYPES.map((u) => USAGE_TYPE_LABELS[u])}
            value={USAGE_TYPES.indexOf(draft.usageType)}
            onChange={(e) => setDraft({ ...draft, usageType: USAGE_TYPES[Number(e.detail.value)] })}
          >
            <View className="field__input">{USAGE_TYPE_LABELS[draft.usageType]}</View>
          </DeskPicker>
        </FormField>
        <FormField label="缴费方式" id="payment-mode">
          <DeskPicker
            mode="selector"
            range={PAYMENT_MODES.map((p) => PAYMENT_MODE_LABELS[p])}
            value={PAYMENT_MODES.indexOf(draft.paymentMode)}
            onChange={(e) => setDraft({ ...draft, paymentMode: PAYMENT_MODES[Number(e.detail.value)] })}
          >
            <View className="field__input">{PAYMENT_MODE_LABELS[draft.paymentMode]}</View>
          </DeskPicker>
        </FormField>
        <FormField label="表具类型" id="meter-kind">
          <DeskPicker
            mode="selector"
            range={METER_KINDS.map((k) => METER_KIND_LABELS[k])}
            value={METER_KINDS.indexOf(draft.meterKind)}
            onChange={(e) => setDraft({ ...draft, meterKind: METER_KINDS[Number(e.detail.value)] })}
          >
            <View className="field__input">{METER_KIND_LABELS[draft.meterKind]}</View>
          </DeskPicker>
        </FormField>
        <View className="row">
          <Text>重点用户</Text>
          <Switch checked={draft.keyCustomer} onChange={(e) => setDraft({ ...draft, keyCustomer: e.detail.value })} />
        </View>
        <ActionButton id="account-save" busy={busy} onClick={() => void save(patchOf(account, draft))}>
          保存修改
        </ActionButton>
      </View>

      {account.holderHistory.length ? (
        <View className="card">
          <Text className="card__title">历任户主</Text>
          {account.holderHistory.map((h, i) => (
            <View key={i} className="history-item">
              <Text>
                {h.holderName}：{date(h.from)} 至 {date(h.to)}
              </Text>
              <Text className="muted"> 经办 {h.changedBy}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <ActionButton
        id="account-active"
        tone={account.active ? 'danger' : 'secondary'}
        busy={busy}
        onClick={() => void setActive(!account.active)}
      >
        {account.active ? '停用户号' : '恢复户号'}
      </ActionButton>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(AccountDetailPage, 'admin-accounts', '户号详情');
