import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { BoundAccountView } from '@utility/shared';
import { useState } from 'react';
import { listAccounts, setDefaultAccount, unbindAccount } from '../../services/api/accounts';
import { requireResident } from '../../services/resident-session';
import { AccountCard } from './account-card';
import { BindPanel } from './bind-panel';
import './index.scss';

export default function AccountsPage() {
  const [accounts, setAccounts] = useState<BoundAccountView[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    if (!requireResident('/packages/account/index')) return;
    try {
      setAccounts(await listAccounts());
    } catch {
      setAccounts((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  async function run(action: () => Promise<BoundAccountView[]>) {
    setBusy(true);
    try {
      setAccounts(await action());
    } catch {
      // Shown by the wrapper; the list may have changed elsewhere.
      void load();
    } finally {
      setBusy(false);
    }
  }

  async function unbind(account: BoundAccountView) {
    const { confirm } = await Taro.showModal({
      title: '解绑户号',
      content: `解绑后将不再显示户号 ${account.accountNo} 的报修和账单。公司的户号档案不受影响，可随时重新绑定。`,
      confirmText: '解绑',
      confirmColor: '#d93026',
    });
    if (confirm) await run(() => unbindAccount(account.id));
  }

  return (
    <View className="page accounts">
      {accounts === null ? <Text className="empty">加载中…</Text> : null}
      {accounts?.length === 0 ? <Text className="empty">还没有绑定户号</Text> : null}
      {accounts?.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          busy={busy}
          onDefault={() => void run(() => setDefaultAccount(account.id))}
          onUnbind={() => void unbind(account)}
        />
      ))}
      {accounts === null ? null : <BindPanel onBound={setAccounts} />}
    </View>
  );
}
