import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { loginWithWechatCode } from '../../services/api/residents';
import { PRIVACY_URL, returnTo } from '../../services/resident-session';
import { LoginPanel } from './login-panel';
import './login.scss';

export default function ResidentLoginPage() {
  const { params } = useRouter();
  const from = params.from ? decodeURIComponent(params.from) : '';
  const [busy, setBusy] = useState(false);

  /** `code` is wx.login's in the mini-program, the mock's in H5: single-use either way. */
  async function login(code: string) {
    setBusy(true);
    try {
      const { resident } = await loginWithWechatCode(code);
      if (resident.privacyConsentedAt) return returnTo(from);
      const back = from ? `&from=${encodeURIComponent(from)}` : '';
      void Taro.redirectTo({ url: `${PRIVACY_URL}?consent=1${back}` });
    } catch {
      // The wrapper has shown why (微信授权已失效, network); the next try takes a new code.
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page resident-login">
      <View className="resident-login__head">
        <Text className="resident-login__title">智慧燃气·热力服务</Text>
        <Text className="muted">绑定户号后可查询报修进度，后续开放缴费、安检预约</Text>
      </View>
      <LoginPanel busy={busy} onCode={login} />
      <Text
        id="login-privacy"
        className="resident-login__privacy"
        onClick={() => Taro.navigateTo({ url: PRIVACY_URL })}
      >
        登录即表示您已阅读《隐私保护指引》
      </Text>
    </View>
  );
}
