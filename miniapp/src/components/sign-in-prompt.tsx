import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { loginUrl } from '../services/resident-session';
import { ActionButton } from './action-button';

interface Props {
  /** Button id, e.g. `home-login`. */
  id: string;
  /** The tab page to come back to after login. */
  from: string;
  lead: string;
}

/** Tab pages stay open to everyone (WeChat forbids forcing a login); resident data waits for one. */
export function SignInPrompt({ id, from, lead }: Props) {
  return (
    <View className="card sign-in">
      <Text className="card__title">登录后使用</Text>
      <Text className="muted">{lead}</Text>
      <ActionButton id={id} onClick={() => Taro.navigateTo({ url: loginUrl(from) })}>
        微信登录
      </ActionButton>
    </View>
  );
}
