import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { HazardStatus, type BoundAccountView, type HazardView } from '@utility/shared';
import { useState } from 'react';
import { defaultAccount, listAccounts } from '../../services/api/accounts';
import { listHazards } from '../../services/api/inspections';
import { requireResident } from '../../services/resident-session';
import { HAZARDS_URL } from './booking-draft';
import { HazardCard } from './hazard-card';
import './index.scss';

/** 我的隐患: the account's hazards from inspections, open first (the server's order). */
export default function HazardsPage() {
  const { params } = useRouter();
  const [accounts, setAccounts] = useState<BoundAccountView[] | null>(null);
  const [account, setAccount] = useState<BoundAccountView | null>(null);
  const [hazards, setHazards] = useState<HazardView[] | null>(null);

  async function show(target: BoundAccountView) {
    if (target.id !== account?.id) setHazards(null);
    setAccount(target);
    try {
      setHazards(await listHazards(target.id));
    } catch {
      // Shown by the wrapper; pull down to retry.
    }
  }

  async function load() {
    if (!requireResident(HAZARDS_URL)) return;
    try {
      const list = await listAccounts();
      setAccounts(list);
      const wanted = account?.id ?? Number(params.accountId);
      const target = list.find((a) => a.id === wanted) ?? defaultAccount(list);
      if (target) await show(target);
    } catch {
      setAccounts((current) => current ?? []);
    }
  }
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (accounts === null) return <Text className="empty">加载中…</Text>;
  if (!account) return <Text className="empty">还没有绑定户号</Text>;
  const open = hazards?.filter((h) => h.status === HazardStatus.Open).length ?? 0;
  return (
    <View id="hazards-list" className="page hazards">
      {accounts.length > 1 ? (
        <View className="inspection__accounts">
          {accounts.map((a) => (
            <Text
              key={a.id}
              id={`hazards-account-${a.accountNo}`}
              className={a.id === account.id ? 'chip chip--on' : 'chip'}
              onClick={() => void show(a)}
            >
              {a.label ? `${a.label} ` : ''}
              {a.accountNo}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className="inspection__section">
        户号 {account.accountNo} · {account.address}
      </Text>
      {hazards === null ? <Text className="empty">加载中…</Text> : null}
      {hazards?.length === 0 ? <Text className="empty">安检未发现隐患</Text> : null}
      {open > 0 ? (
        <Text id="hazards-summary" className="notice">
          有{open}项隐患待整改，请按整改建议尽快处理；整改完成后安检员会上门复检。
        </Text>
      ) : null}
      {hazards?.map((h) => (
        <HazardCard key={h.id} hazard={h} />
      ))}
    </View>
  );
}
