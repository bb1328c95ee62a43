/**
 * Times shown to staff are Asia/Shanghai. China has no daylight saving, so a fixed +08:00
 * offset is exact, and it avoids Intl time zones, which the WeChat runtime does not promise.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

function shanghaiParts(iso: string) {
  const d = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: pad(d.getUTCMonth() + 1),
    day: pad(d.getUTCDate()),
    hour: pad(d.getUTCHours()),
    minute: pad(d.getUTCMinutes()),
  };
}

/** `MM-DD HH:mm` in Shanghai: for deadlines, always within days of now. */
export function formatShortTime(iso: string): string {
  const p = shanghaiParts(iso);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD HH:mm` in Shanghai: for the timeline, which can span years. */
export function formatFullTime(iso: string): string {
  const p = shanghaiParts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `HH:mm` in Shanghai: for a time later today, such as a technician's arrival. */
export function formatClockTime(iso: string): string {
  const p = shanghaiParts(iso);
  return `${p.hour}:${p.minute}`;
}

/** An agreed visit window in Shanghai: `12月10日 09:00–12:00`. */
export function formatWindow(startIso: string, endIso: string): string {
  const start = shanghaiParts(startIso);
  return `${Number(start.month)}月${Number(start.day)}日 ${formatClockTime(startIso)}–${formatClockTime(endIso)}`;
}

/** A positive duration as staff say it: 25分钟, 1小时20分, 2天3小时. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes}分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}小时${minutes % 60}分` : `${hours}小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}天${hours % 24}小时` : `${days}天`;
}
