import Taro from '@tarojs/taro';
import type { ServiceOutletView } from '@utility/shared';

/** WeChat: the native map with the outlet pinned (coordinates are GCJ-02, as WeChat expects). */
export function openMap(outlet: ServiceOutletView): void {
  void Taro.openLocation({
    latitude: outlet.latitude,
    longitude: outlet.longitude,
    name: outlet.name,
    address: outlet.address,
  }).catch(() => undefined);
}
