import type { GeoLocation } from '@utility/shared';

/**
 * The browser's geolocation where it has one and the person allows it; null otherwise (or
 * after `timeoutMs`), and the caller carries on without it.
 */
export function currentLocation(timeoutMs = 8000): Promise<GeoLocation | null> {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geo) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const done = (value: GeoLocation | null) => {
      clearTimeout(timer);
      resolve(value);
    };
    geo.getCurrentPosition(
      ({ coords }) => done({ latitude: coords.latitude, longitude: coords.longitude }),
      () => done(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
