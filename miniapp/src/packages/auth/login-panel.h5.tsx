import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { DEFAULT_MOCK_IDENTITY, MOCK_IDENTITY, mockLoginCode } from '../../platform/mock-wechat';

interface Props {
  busy: boolean;
  onCode: (code: string) => void;
}

const PRESETS = [DEFAULT_MOCK_IDENTITY, 'resident-2', 'resident-3'];

/**
 * H5 has no wx.login: this stands in for WeChat's side. The identity names a WeChat user of
 * the server's fake WeChat (the same name is the same person next time); each login sends a
 * new single-use code for it.
 */
export function LoginPanel({ busy, onCode }: Props) {
  const [identity, setIdentity] = useState(DEFAULT_MOCK_IDENTITY);
  const [error, setError] = useState('');

  function submit() {
    const name = identity.trim();
    if (!MOCK_IDENTITY.test(name)) return setError('仅限字母、数字和 . _ @ -，最多64位');
    setError('');
    onCode(mockLoginCode(name));
  }

  return (
    <View className="card mock-login">
      <Text className="card__title">模拟微信登录</Text>
      <Text className="mock-login__note">H5 测试环境：代替微信授权，不会连接真实微信</Text>
      <FormField label="模拟微信用户" id="mock-login-identity" error={error}>
        <Input
          id="mock-login-identity"
          className="field__input"
          placeholder={DEFAULT_MOCK_IDENTITY}
          value={identity}
          onInput={(e) => setIdentity(e.detail.value)}
        />
      </FormField>
      <View className="mock-login__presets">
        {PRESETS.map((name) => (
          <Text key={name} id={`mock-login-preset-${name}`} className="chip" onClick={() => setIdentity(name)}>
            {name}
          </Text>
        ))}
      </View>
      <ActionButton id="mock-login-submit" busy={busy} onClick={submit}>
        登录
      </ActionButton>
    </View>
  );
}
