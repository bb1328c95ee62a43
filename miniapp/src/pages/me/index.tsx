import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { ResidentView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { deleteIdentity, logoutResident, savePhoneFromCode } from '../../services/api/residents';
import { PRIVACY_URL, activeResident } from '../../services/resident-session';
import { PhoneButton } from './phone-button';
import './index.scss';

function MenuItem({ id, title, onClick }: { id: string; title: string; onClick: () => void }) {
  return (
    <View id={id} className="menu__item" onClick={onClick}>
      <Text>{title}</Text>
      <Text className="menu__arrow">›</Text>
    </View>
  );
}

export default function MePage() {
  const [resident, setResident] = useState<ResidentView | null>(null);
  const [busy, setBusy] = useState(false);

  useDidShow(() => setResident(activeResident()));

  async function sharePhone(code: string) {
    setBusy(true);
    try {
      setResident(await savePhoneFromCode(code));
    } catch {
      // Shown by the wrapper (e.g. 手机号授权已失效，请重新授权).
    } finally {
      setBusy(false);
    }
  }

  async function forgetMe() {
    const { confirm } = await Taro.showModal({
      title: '注销微信身份',
      content:
        '将解除您全部户号的绑定，并删除本微信身份和手机号。公司的户号档案、报修和缴费记录会按规定保留。确定注销吗？',
      confirmText: '注销',
      confirmColor: '#d93026',
    });
    if (!confirm) return;
    try {
      await deleteIdentity();
      setResident(null);
      void Taro.showToast({ title: '已注销', icon: 'success' });
    } catch {
      // Shown by the wrapper.
    }
  }

  function logout() {
    logoutResident();
    setResident(null);
  }

  const privacy = (
    <MenuItem id="me-privacy" title="隐私保护指引" onClick={() => Taro.navigateTo({ url: PRIVACY_URL })} />
  );
  // Public service information: open signed in or not.
  const serviceInfo = (
    <>
      <MenuItem
        id="me-commitments"
        title="服务承诺与收费标准"
        onClick={() => Taro.navigateTo({ url: '/packages/info/knowledge?kind=commitment' })}
      />
      <MenuItem id="me-outlets" title="营业网点" onClick={() => Taro.navigateTo({ url: '/packages/info/outlets' })} />
    </>
  );
  if (!resident) {
    return (
      <View className="page me">
        <SignInPrompt id="me-login" from="/pages/me/index" lead="登录后管理户号和手机号" />
        <View className="card menu">
          {serviceInfo}
          {privacy}
        </View>
      </View>
    );
  }
  return (
    <View className="page me">
      <View className="card row me__profile">
        <View>
          <Text className="me__name">微信用户</Text>
          <Text id="me-phone" className="muted">
            {resident.phone ?? '未绑定手机号'}
          </Text>
        </View>
        {resident.phone ? null : <PhoneButton busy={busy} onCode={(code) => void sharePhone(code)} />}
      </View>
      <View className="card menu">
        <MenuItem
          id="me-accounts"
          title="我的户号"
          onClick={() => Taro.navigateTo({ url: '/packages/account/index' })}
        />
        <MenuItem
          id="me-inspection"
          title="我的安检预约"
          onClick={() => Taro.navigateTo({ url: '/packages/inspection/index' })}
        />
        <MenuItem
          id="me-hazards"
          title="我的隐患"
          onClick={() => Taro.navigateTo({ url: '/packages/inspection/hazards' })}
        />
        <MenuItem
          id="me-application"
          title="业务办理"
          onClick={() => Taro.navigateTo({ url: '/packages/application/index' })}
        />
        <MenuItem
          id="me-complaint"
          title="投诉"
          onClick={() => Taro.navigateTo({ url: '/packages/complaint/index' })}
        />
        <MenuItem id="me-consult" title="咨询" onClick={() => Taro.navigateTo({ url: '/packages/consult/index' })} />
        <MenuItem
          id="me-suggestion"
          title="建议"
          onClick={() => Taro.navigateTo({ url: '/packages/consult/suggestion' })}
        />
        <MenuItem
          id="me-report"
          title="举报（可匿名）"
          onClick={() => Taro.navigateTo({ url: '/packages/complaint/report' })}
        />
        {serviceInfo}
        {privacy}
        <MenuItem id="me-delete-identity" title="注销微信身份" onClick={() => void forgetMe()} />
      </View>
      <ActionButton id="me-logout" tone="secondary" onClick={logout}>
        退出登录
      </ActionButton>
    </View>
  );
}
