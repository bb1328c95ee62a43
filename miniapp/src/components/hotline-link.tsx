import { Text, View } from '@tarojs/components';
import { DEFAULT_HOTLINE_NUMBER } from '@utility/shared';
import { DialLink } from './dial-link';
import './hotline-link.scss';

/**
 * The 24-hour service hotline, one tap to call, on the pages a resident reaches in trouble: home,
 * the repair form and a request's detail (docs/domain.md#knowledge).
 */
export function HotlineLink({ id, lead }: { id: string; lead: string }) {
  return (
    <View className="hotline-link">
      <Text className="muted hotline-link__lead">{lead}</Text>
      <DialLink id={id} phone={DEFAULT_HOTLINE_NUMBER} className="hotline-link__call">
        拨打服务热线 {DEFAULT_HOTLINE_NUMBER}
      </DialLink>
    </View>
  );
}
