import type { NoticeTemplates } from '@utility/shared'
import { openMockSheet } from './mock-sheet.h5'

const TEMPLATE_LABELS: Record<keyof NoticeTemplates, string> = {
  accepted: '受理通知',
  progress: '处理进度通知',
  resolved: '处理完成通知',
}

/** H5 stand-in for WeChat's consent sheet: the tester ticks what the resident accepts (all by default). */
export async function askSubscribe(templates: NoticeTemplates): Promise<string[]> {
  const keys = Object.keys(TEMPLATE_LABELS) as (keyof NoticeTemplates)[]
  const boxes = keys.map((key) => {
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.checked = true
    box.id = `subscribe-template-${key}`
    return box
  })
  const accepted = await openMockSheet({
    title: '订阅进度通知',
    note: '模拟微信订阅消息授权（仅 H5 测试环境）',
    build: (body) =>
      keys.forEach((key, i) => {
        const option = document.createElement('label')
        option.className = 'mock-sheet__option'
        option.append(boxes[i], TEMPLATE_LABELS[key])
        body.append(option)
      }),
    read: () => ({ value: keys.filter((_, i) => boxes[i].checked).map((key) => templates[key]) }),
    confirmId: 'subscribe-confirm',
    cancelId: 'subscribe-cancel',
  })
  return accepted ?? []
}
