import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeTemplates } from '@utility/shared';
import { useEffect, useState } from 'react';
import { getNoticeTemplates, subscribeNotices } from '../services/api/my-tickets';
import { askSubscribe } from '../platform/subscribe';
import { PROGRESS_TEMPLATES, TemplateKey } from '../services/subscribe-templates';
import { ActionButton } from './action-button';

interface Props {
  ticketId: number;
  /** `primary` right after a report, where consent is the next step; `secondary` on the detail page. */
  tone?: 'primary' | 'secondary';
  label?: string;
  /** The templates offered (at most three: WeChat's limit for one sheet). */
  templateKeys?: TemplateKey[];
  /** After the sheet, whatever the resident chose (none, some, or a failed save). */
  onDone?: () => void;
  /** Template ids already consented to for this ticket: once all offered ones are, nothing is asked again. */
  subscribed?: string[];
}

/**
 * Template ids are fetched when the page opens: WeChat's consent sheet only opens straight
 * from a tap, with no request in between.
 */
export function SubscribeButton({
  ticketId,
  tone = 'secondary',
  label = '订阅进度通知',
  templateKeys = PROGRESS_TEMPLATES,
  onDone,
  subscribed,
}: Props) {
  const [templates, setTemplates] = useState<NoticeTemplates | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getNoticeTemplates().then(setTemplates, () => setTemplates(null));
  }, []);

  async function subscribe() {
    if (!templates) return;
    const accepted = await askSubscribe(templates, templateKeys);
    if (accepted.length === 0) {
      void Taro.showToast({ title: '未订阅通知', icon: 'none' });
      return onDone?.();
    }
    setBusy(true);
    try {
      await subscribeNotices(ticketId, accepted);
      void Taro.showToast({
        title: templateKeys === PROGRESS_TEMPLATES ? '已订阅进度通知' : '已订阅提醒',
        icon: 'success',
      });
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(false);
    }
    onDone?.();
  }

  if (templates && subscribed && templateKeys.every((key) => subscribed.includes(templates[key]))) {
    return (
      <Text id="subscribe-done" className="muted subscribe-done">
        已订阅进度通知，有进展时微信会提醒您
      </Text>
    );
  }
  return (
    <ActionButton id="subscribe-notices" tone={tone} busy={busy} disabled={!templates} onClick={subscribe}>
      {label}
    </ActionButton>
  );
}
