import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { StaffLoginSchema } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { STAFF_PASSWORD_URL, getStaff, getToken } from '../../services/session';
import { login } from '../../services/api/staff';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';

const QUEUES_URL = '/staff/queues/index';

type Errors = Partial<Record<'username' | 'password', string>>;

function StaffLoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  // Already signed in: straight to work (an expired token comes back here through the 401).
  useDidShow(() => {
    if (getToken() && getStaff()) void Taro.redirectTo({ url: QUEUES_URL });
  });

  async function submit() {
    const parsed = StaffLoginSchema.safeParse({ username, password });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Errors] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await login(parsed.data);
      // A one-time password (new account, admin's reset) is replaced before anything else.
      void Taro.redirectTo({ url: result.mustChangePassword ? `${STAFF_PASSWORD_URL}?required=1` : QUEUES_URL });
    } catch {
      // The request wrapper has shown the reason (用户名或密码错误, network).
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page login">
      <View className="login__head">
        <Text className="login__title">员工工作台</Text>
        <Text className="muted">客服、调度、维修、安检人员使用工号登录</Text>
      </View>
      <View className="card">
        <FormField label="用户名" id="login-username" error={errors.username}>
          <Input
            id="login-username"
            className="field__input"
            placeholder="请输入用户名"
            value={username}
            onInput={(e) => setUsername(e.detail.value)}
          />
        </FormField>
        <FormField label="密码" id="login-password" error={errors.password}>
          <Input
            id="login-password"
            className="field__input"
            password
            placeholder="请输入密码"
            value={password}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={submit}
          />
        </FormField>
        <ActionButton id="login-submit" busy={busy} onClick={submit}>
          登录
        </ActionButton>
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(StaffLoginPage, 'login', '员工登录', { bare: true });
