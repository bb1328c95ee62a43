import Taro from '@tarojs/taro'
import type { NoticeTemplates } from '@utility/shared'
import type { SubscribeChoice } from './subscribe-choice'

/**
 * WeChat's own consent sheet. It must run straight from the resident's tap (no request
 * before it), so the template ids are fetched beforehand. Returns the accepted ids; a
 * refused or failed sheet accepts none.
 */
export async function askSubscribeTo(_title: string, choices: readonly SubscribeChoice[]): Promise<string[]> {
  const tmplIds = choices.map((c) => c.templateId)
  try {
    // Taro's type wants Alipay's entityIds too; WeChat takes tmplIds alone.
    const result = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
    return tmplIds.filter((id) => (result as unknown as Record<string, string>)[id] === 'accept')
  } catch {
    return []
  }
}

/** The progress notices of a ticket: accepted, progress, resolved. */
export function askSubscribe(templates: NoticeTemplates): Promise<string[]> {
  return askSubscribeTo('', [
    { key: 'accepted', label: '', templateId: templates.accepted },
    { key: 'progress', label: '', templateId: templates.progress },
    { key: 'resolved', label: '', templateId: templates.resolved },
  ])
}
