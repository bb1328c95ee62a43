import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import {
  DEFAULT_HOTLINE_NUMBER,
  type BoundAccountView,
  type PrepaidBalanceView,
  type ResidentOutageView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { DialLink } from '../../components/dial-link';
import { OutageBanner } from '../../components/outage-banner';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { defaultAccount, listAccounts } from '../../services/api/accounts';
import { getArrears, type Arrears } from '../../services/api/bills';
import { listOutages } from '../../services/api/outages';
import { getBalance } from '../../services/api/prepaid';
import { activeResident, HOME_URL } from '../../services/resident-session';
import { AccountSummary } from './account-summary';
import { ArrearsBanner } from './arrears-banner';
import { PrepaidCard } from './prepaid-card';
import { ServiceEntries } from './service-entries';
import './index.scss';

export default function HomePage() {
  const [signedIn, setSignedIn] = useState(false);
  // undefined: not loaded yet; null: nothing bound.
  const [account, setAccount] = useState<BoundAccountView | null | undefined>(undefined);
  const [arrears, setArrears] = useState<Arrears | null>(null);
  const [outages, setOutages] = useState<ResidentOutageView[]>([]);
  const [balance, setBalance] = useState<PrepaidBalanceView | null>(null);

  async function load() {
    const resident = activeResident();
    setSignedIn(Boolean(resident));
    if (!resident) return;
    let shown: BoundAccountView | null;
    try {
      shown = defaultAccount(await listAccounts());
      setAccount(shown);
    } catch {
      return; // Shown by the wrapper; keep what is on screen.
    }
    // The banners are reminders, not the page's content: a failure just leaves them out.
    const [owed, off, left] = await Promise.all([
      shown ? getArrears(shown.id, { silent: true }).catch(() => null) : null,
      shown ? listOutages(undefined, { silent: true }).catch(() => []) : [],
      shown?.prepaidMeter ? getBalance(shown.id, { silent: true }).catch(() => null) : null,
    ]);
    setArrears(owed);
    setOutages(off);
    setBalance(left);
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View className="page home">
      <View className="home__hero">
        <Text className="home__title">智慧燃气·热力服务</Text>
        <Text className="home__lead">燃气、供热报修与咨询，24小时热线随时受理</Text>
        <DialLink id="home-hotline" phone={DEFAULT_HOTLINE_NUMBER} className="home__hotline">
          拨打服务热线 {DEFAULT_HOTLINE_NUMBER}
        </DialLink>
      </View>
      {!signedIn ? (
        <SignInPrompt id="home-login" from={HOME_URL} lead="登录并绑定户号，查看报修进度和服务通知" />
      ) : account !== undefined ? (
        <AccountSummary account={account} />
      ) : null}
      {signedIn ? <OutageBanner id="home-outage" outages={outages} /> : null}
      {signedIn && account?.prepaidMeter ? <PrepaidCard accountId={account.id} balance={balance} /> : null}
      {signedIn ? <ArrearsBanner arrears={arrears} /> : null}
      <ServiceEntries />
      <ActionButton
        id="home-staff-entry"
        tone="secondary"
        className="home__staff"
        onClick={() => Taro.navigateTo({ url: '/staff/login/index' })}
      >
        员工工作台
      </ActionButton>
    </View>
  );
}
