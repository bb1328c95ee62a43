import Taro from '@tarojs/taro';
import type { NoticeTemplates } from '@utility/shared';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { getNoticeTemplates, subscribeNotices } from '../../services/api/my-tickets';
import { askSubscribe } from '../../platform/subscribe';

/**
 * 订阅安检提醒: one consent for the booking's ticket allows one notice of the inspection template
 * (the reminder the day before, or a change of the plan). Template ids are fetched when the card
 * shows, because WeChat opens its sheet only straight from a tap.
 */
export function ReminderButton({ ticketId }: { ticketId: number }) {
  const [templates, setTemplates] = useState<NoticeTemplates | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    getNoticeTemplates().then(setTemplates, () => setTemplates(null));
  }, []);

  async function subscribe() {
    if (!templates) return;
    const accepted = await askSubscribe(templates, ['inspection']);
    if (accepted.length === 0) return void Taro.showToast({ title: '未订阅提醒', icon: 'none' });
    setBusy(true);
    try {
      await subscribeNotices(ticketId, accepted);
      setDone(true);
      void Taro.showToast({ title: '已订阅安检提醒', icon: 'success' });
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(false);
    }
  }

  // A server without the inspection template (older configuration) cannot remind: nothing to ask.
  if (!templates?.inspection) return null;
  // A new button once subscribed: Taro's H5 button loses its spinner's anchor when React rewrites its text.
  return done ? (
    <ActionButton key="again" id="inspection-reminder" tone="secondary" busy={busy} onClick={() => void subscribe()}>
      已订阅，可再订阅一次提醒
    </ActionButton>
  ) : (
    <ActionButton key="first" id="inspection-reminder" busy={busy} onClick={() => void subscribe()}>
      订阅安检提醒（上门前一天提醒您）
    </ActionButton>
  );
}
