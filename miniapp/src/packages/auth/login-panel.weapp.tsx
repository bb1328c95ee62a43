import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';

interface Props {
  busy: boolean;
  onCode: (code: string) => void;
}

/** In the mini-program the code comes from wx.login: no input, WeChat knows who this is. */
export function LoginPanel({ busy, onCode }: Props) {
  async function login() {
    try {
      onCode((await Taro.login()).code);
    } catch {
      void Taro.showToast({ title: '微信登录失败，请重试', icon: 'none' });
    }
  }

  return (
    <ActionButton id="login-wechat" busy={busy} onClick={login}>
      微信一键登录
    </ActionButton>
  );
}
