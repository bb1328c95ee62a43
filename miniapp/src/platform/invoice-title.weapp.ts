import Taro from '@tarojs/taro';
import type { InvoiceTitleLink } from '@utility/shared';

/**
 * WeChat Pay's title page (抬头填写) for counter and bank money, in WeChat's title mini program: the invoice is
 * issued once the resident submits the title there (WeChat Pay tells the server). True when the page opened.
 */
export async function openInvoiceTitlePage(link: InvoiceTitleLink): Promise<boolean> {
  try {
    await Taro.navigateToMiniProgram({ appId: link.miniprogramAppid, path: link.miniprogramPath });
    return true;
  } catch {
    return false;
  }
}
