import Taro from '@tarojs/taro'
import type { NoticeTemplates } from '@utility/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../components/action-button'
import { getNoticeTemplates, subscribeNotices } from '../../services/my-tickets'
import { askSubscribe } from '../../services/subscribe'

/**
 * Template ids are fetched when the page opens: WeChat's consent sheet only opens straight
 * from a tap, with no request in between.
 */
export function SubscribeButton({ ticketId }: { ticketId: number }) {
  const [templates, setTemplates] = useState<NoticeTemplates | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    getNoticeTemplates().then(setTemplates, () => setTemplates(null))
  }, [])

  async function subscribe() {
    if (!templates) return
    const accepted = await askSubscribe(templates)
    if (accepted.length === 0) return void Taro.showToast({ title: '未订阅通知', icon: 'none' })
    setBusy(true)
    try {
      await subscribeNotices(ticketId, accepted)
      void Taro.showToast({ title: '已订阅进度通知', icon: 'success' })
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(false)
    }
  }

  return (
    <ActionButton id='subscribe-notices' tone='secondary' busy={busy} disabled={!templates} onClick={subscribe}>
      订阅进度通知
    </ActionButton>
  )
}
