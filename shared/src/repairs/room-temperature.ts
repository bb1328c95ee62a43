/**
 * docs/domain.md#room-temperature: room temperature is up to standard at ≥ 18 ℃ from 06:00 to 21:00 and ≥ 16 ℃ otherwise,
 * by the Shanghai clock whatever the server's TZ. The day runs from 06:00:00 up to, not including, 21:00:00.
 */
export const ROOM_TEMPERATURE_DAY_MIN_CELSIUS = 18;
export const ROOM_TEMPERATURE_NIGHT_MIN_CELSIUS = 16;
const DAY_STARTS_MINUTE = 6 * 60;
const NIGHT_STARTS_MINUTE = 21 * 60;

const SHANGHAI_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface RoomTemperatureStandard {
  period: 'day' | 'night';
  minCelsius: number;
}

/** The standard that applies at the moment of measurement. */
export function roomTemperatureStandard(measuredAt: Date): RoomTemperatureStandard {
  if (!(measuredAt instanceof Date) || Number.isNaN(measuredAt.getTime()))
    throw new RangeError('measuredAt is not a valid Date');
  const parts = Object.fromEntries(SHANGHAI_TIME.formatToParts(measuredAt).map((p) => [p.type, p.value]));
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  const day = minute >= DAY_STARTS_MINUTE && minute < NIGHT_STARTS_MINUTE;
  return day
    ? { period: 'day', minCelsius: ROOM_TEMPERATURE_DAY_MIN_CELSIUS }
    : { period: 'night', minCelsius: ROOM_TEMPERATURE_NIGHT_MIN_CELSIUS };
}

/** Below standard strictly under the minimum: 18.0 ℃ in the day is up to standard. Compared in tenths, so 17.9 + float noise cannot pass. */
export function isBelowStandard(celsius: number, measuredAt: Date): boolean {
  return Math.round(celsius * 10) < roomTemperatureStandard(measuredAt).minCelsius * 10;
}
