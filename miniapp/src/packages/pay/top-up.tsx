import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  formatYuan,
  TOP_UP_MAX_FEN,
  TOP_UP_MIN_FEN,
  type BoundAccountView,
  type PrepaidBalanceView,
  type TopUpView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { getBalance, listTopUps } from '../../services/api/prepaid';
import { requireResident } from '../../services/resident-session';
import { TOP_UP_PRESETS_FEN, yuanToFen } from '../../services/top-up-amount';
import { payTopUp } from '../../services/top-up-flow';
import { pickAccount } from './pay-urls';
import { TopUpList } from './top-up-list';
import './top-up.scss';

/** 充值 of a prepaid account: the balance, amount presets or a custom amount, the cashier, the top-ups. */
export default function TopUpPage() {
  const { params } = useRouter();
  const [account, setAccount] = useState<BoundAccountView | null | undefined>(undefined);
  const [balance, setBalance] = useState<PrepaidBalanceView | null>(null);
  const [topUps, setTopUps] = useState<TopUpView[]>([]);
  const [amountFen, setAmountFen] = useState<number | null>(TOP_UP_PRESETS_FEN[1]);
  const [custom, setCustom] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  async function refresh(id: number) {
    const [b, list] = await Promise.all([getBalance(id), listTopUps(id)]);
    setBalance(b);
    setTopUps(list);
  }

  async function load() {
    if (!requireResident(`/packages/pay/top-up${params.accountId ? `?accountId=${params.accountId}` : ''}`)) return;
    try {
      const picked = await pickAccount(params.accountId);
      setAccount(picked.account);
      if (picked.account?.prepaidMeter) await refresh(picked.account.id);
    } catch {
      // Shown by the wrapper.
    }
  }

  useDidShow(() => void load());

  /** 充值成功 → 已到表: the vendor confirms within seconds when it is up; the list is refreshed until then. */
  async function followToMeter(id: number, topUpId: number) {
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const list = await listTopUps(id, { silent: true }).catch(() => null);
      if (!list) continue;
      setTopUps(list);
      const mine = list.find((x) => x.id === topUpId);
      if (mine?.status === 'delivered') {
        setNotice(`已到表：${formatYuan(mine.amountFen)}`);
        return;
      }
    }
  }

  function typeCustom(text: string) {
    setCustom(text);
    setAmountFen(text ? yuanToFen(text) : null);
    setError('');
  }

  async function submit() {
    if (!account) return;
    if (amountFen === null || amountFen < TOP_UP_MIN_FEN || amountFen > TOP_UP_MAX_FEN) {
      setError(`请输入${TOP_UP_MIN_FEN / 100}元至${TOP_UP_MAX_FEN / 100}元的金额`);
      return;
    }
    setBusy(true);
    setNotice('');
    try {
      const outcome = await payTopUp(account.id, amountFen);
      if (outcome.status === 'credited')
        setNotice(`${outcome.topUp.statusLabel}：${formatYuan(outcome.topUp.amountFen)}`);
      else if (outcome.status === 'pending') setNotice('支付结果确认中，请稍后查看充值记录');
      else if (outcome.status === 'failed') setNotice(outcome.message);
      await refresh(account.id);
      if (outcome.status === 'credited' && outcome.topUp.meterKind === 'iot')
        void followToMeter(account.id, outcome.topUp.id);
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(false);
    }
  }

  if (account === undefined) return <Text className="empty">加载中…</Text>;
  if (!account?.prepaidMeter)
    return (
      <Text id="top-up-not-prepaid" className="empty">
        该户号不是预付费账户，请按账单缴费
      </Text>
    );
  return (
    <View className="page top-up">
      <View id="top-up-balance" className="card">
        <Text className="muted">户号 {account.accountNo}</Text>
        <Text className="top-up__balance">{balance ? formatYuan(balance.balanceFen) : '—'}</Text>
        <Text className="muted">
          {account.prepaidMeter === 'iot' ? '物联网表：充值后自动到表' : 'IC卡表：充值后请到营业厅写卡'}
        </Text>
      </View>
      <FormField label="充值金额" id="top-up-amount" error={error}>
        <View className="top-up__presets">
          {TOP_UP_PRESETS_FEN.map((fen) => (
            <Text
              key={fen}
              id={`top-up-preset-${fen / 100}`}
              className={!custom && amountFen === fen ? 'top-up__preset top-up__preset--on' : 'top-up__preset'}
              onClick={() => {
                setCustom('');
                setAmountFen(fen);
                setError('');
              }}
            >
              {fen / 100}元
            </Text>
          ))}
        </View>
        <Input
          id="top-up-custom"
          className="field__input"
          type="digit"
          placeholder="其他金额（元）"
          value={custom}
          onInput={(e) => typeCustom(e.detail.value)}
        />
      </FormField>
      {notice ? (
        <Text id="top-up-notice" className="top-up__notice">
          {notice}
        </Text>
      ) : null}
      <ActionButton id="top-up-submit" busy={busy} onClick={() => void submit()}>
        {amountFen ? `充值 ${formatYuan(amountFen)}` : '充值'}
      </ActionButton>
      <TopUpList topUps={topUps} />
      <Text className="link" onClick={() => Taro.navigateBack()}>
        返回
      </Text>
    </View>
  );
}
