import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

/** WeChat: the system's call sheet (Taro.makePhoneCall); a cancelled call is not an error. */
export function DialLink({
  id,
  phone,
  className,
  children,
}: {
  id: string;
  phone: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <View
      id={id}
      className={className}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
    >
      {children}
    </View>
  );
}
