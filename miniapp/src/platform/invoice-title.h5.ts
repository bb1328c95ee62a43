import type { InvoiceTitleLink } from '@utility/shared';
import { openMockSheet } from './mock-sheet.h5';
import { ApiRequestError, residentApi } from '../services/api/request';

interface FilledTitle {
  type: 'INDIVIDUAL' | 'ORGANIZATION';
  name: string;
  taxpayer_id?: string;
}

function input(id: string, placeholder: string): HTMLInputElement {
  const el = document.createElement('input');
  el.id = id;
  el.className = 'mock-sheet__input';
  el.placeholder = placeholder;
  return el;
}

/**
 * H5 stand-in for WeChat Pay's title page (a sheet of WeChat's, not the app's UI): the tester fills the title and
 * the server's fake WeChat Pay (mock mode only) records it for the link's application and sends FAPIAO.USER_APPLIED.
 */
export async function openInvoiceTitlePage(link: InvoiceTitleLink): Promise<boolean> {
  const fapiaoApplyId = new URL(link.url).searchParams.get('apply') ?? '';
  const name = input('mock-title-name', '个人姓名或单位名称');
  const taxNo = input('mock-title-tax-no', '单位税号（个人不填）');
  const title = await openMockSheet<FilledTitle>({
    title: '填写发票抬头',
    note: '模拟微信开票抬头页（仅 H5 测试环境）',
    build: (body) => body.append(name, taxNo),
    read: () => {
      if (!name.value.trim()) return { error: '请填写发票抬头' };
      const tax = taxNo.value.trim().toUpperCase();
      return {
        value: tax
          ? { type: 'ORGANIZATION', name: name.value.trim(), taxpayer_id: tax }
          : { type: 'INDIVIDUAL', name: name.value.trim() },
      };
    },
    confirmId: 'mock-title-confirm',
    cancelId: 'mock-title-cancel',
  });
  if (!title) return false;
  try {
    await residentApi.request('/api/dev/wechat-pay/fapiao-title', {
      method: 'POST',
      data: { fapiaoApplyId, title },
      silent: true,
    });
    return true;
  } catch (error) {
    if (!(error instanceof ApiRequestError)) throw error;
    return false;
  }
}
