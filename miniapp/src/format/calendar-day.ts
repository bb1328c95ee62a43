import { addCalendarDays, shanghaiDate } from '@utility/shared';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `11月25日 周三` for a Shanghai calendar date `YYYY-MM-DD`. */
export function formatCalendarDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${month}月${day}日 周${WEEKDAYS[weekday]}`;
}

/** As people say it: 今天 / 明天 / 后天 before the date when it is that close (Shanghai days). */
export function relativeCalendarDay(date: string, now: Date): string {
  const today = shanghaiDate(now);
  const near = [today, addCalendarDays(today, 1), addCalendarDays(today, 2)].indexOf(date);
  const day = formatCalendarDay(date);
  return near < 0 ? day : `${['今天', '明天', '后天'][near]} ${day}`;
}
