import type { NoticeTemplates } from '@utility/shared'
import { openMockSheet } from './mock-sheet.h5'
import type { SubscribeChoice } from './subscribe-choice'

const TEMPLATE_LABELS: Record<keyof NoticeTemplates, string> = {
  accepted: '受理通知',
  progress: '处理进度通知',
  resolved: '处理完成通知',
}

/** H5 stand-in for WeChat's consent sheet: the tester ticks what the resident accepts (all by default). */
export async function askSubscribeTo(title: string, choices: readonly SubscribeChoice[]): Promise<string[]> {
  const boxes = choices.map(({ key }) => {
    const box = document.createElement('input')
    box.type = 'checkbox'
    box.checked = true
    box.id = `subscribe-template-${key}`
    return box
  })
  const accepted = await openMockSheet({
    title,
    note: '模拟微信订阅消息授权（仅 H5 测试环境）',
    build: (body) =>
      choices.forEach(({ label }, i) => {
        const option = document.createElement('label')
        option.className = 'mock-sheet__option'
        option.append(boxes[i], label)
        body.append(option)
      }),
    read: () => ({ value: choices.filter((_, i) => boxes[i].checked).map((c) => c.templateId) }),
    confirmId: 'subscribe-confirm',
    cancelId: 'subscribe-cancel',
  })
  return accepted ?? []
}

/** The progress notices of a ticket: accepted, progress, resolved. */
export function askSubscribe(templates: NoticeTemplates): Promise<string[]> {
  const keys = Object.keys(TEMPLATE_LABELS) as (keyof NoticeTemplates)[]
  return askSubscribeTo('订阅进度通知', keys.map((key) => ({ key, label: TEMPLATE_LABELS[key], templateId: templates[key] })))
}
