import Taro from '@tarojs/taro';
import type { GeoLocation } from '@utility/shared';

/**
 * Where the phone is, if the person lets WeChat tell (scope.userLocation, declared in
 * app.config.ts); null when refused, failed or slower than `timeoutMs`: nothing waits on it.
 */
export async function currentLocation(timeoutMs = 8000): Promise<GeoLocation | null> {
  const located = Taro.getLocation({ type: 'gcj02' }).then(
    ({ latitude, longitude }) => ({ latitude, longitude }),
    () => null,
  );
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  return Promise.race([located, late]);
}
