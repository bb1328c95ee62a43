import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionButton } from '../../components/action-button';

interface Props {
  name: string;
  username: string;
  password: string;
  onDone: () => void;
}

/** A one-time password, shown once: the server keeps only its hash, so it cannot be shown again. */
export function OneTimePassword({ name, username, password, onDone }: Props) {
  const copy = () => void Taro.setClipboardData({ data: password });
  return (
    <View id="one-time-password" className="card secret">
      <Text className="card__title">
        {name}（{username}）的初始密码
      </Text>
      <Text id="one-time-password-value" className="secret__value">
        {password}
      </Text>
      <Text className="muted">
        此密码只显示这一次，请复制后当面或通过企业微信交给本人。本人首次登录后须立即修改密码。
      </Text>
      <View className="secret__actions">
        <ActionButton id="one-time-password-copy" tone="secondary" onClick={copy}>
          复制密码
        </ActionButton>
        <ActionButton id="one-time-password-done" onClick={onDone}>
          我已记下
        </ActionButton>
      </View>
    </View>
  );
}
