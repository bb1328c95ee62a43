import Taro from '@tarojs/taro';
import type { NoticeTemplates } from '@utility/shared';
import { PROGRESS_TEMPLATES, TemplateKey } from '../services/subscribe-templates';

/**
 * WeChat's own consent sheet. It must run straight from the resident's tap (no request
 * before it), so the template ids are fetched beforehand. Returns the accepted ids; a
 * refused or failed sheet accepts none.
 */
export async function askSubscribe(
  templates: NoticeTemplates,
  keys: TemplateKey[] = PROGRESS_TEMPLATES,
): Promise<string[]> {
  const tmplIds = keys.map((key) => templates[key]);
  try {
    // Taro's type wants Alipay's entityIds too; WeChat takes tmplIds alone.
    const result = await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    return tmplIds.filter((id) => (result as unknown as Record<string, string>)[id] === 'accept');
  } catch {
    return [];
  }
}
