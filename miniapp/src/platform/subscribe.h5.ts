import type { NoticeTemplates } from '@utility/shared';
import { openMockSheet } from './mock-sheet.h5';
import { PROGRESS_TEMPLATES, TEMPLATE_LABELS, TemplateKey } from '../services/subscribe-templates';

/** H5 stand-in for WeChat's consent sheet: the tester ticks what the resident accepts (all by default). */
export async function askSubscribe(
  templates: NoticeTemplates,
  keys: TemplateKey[] = PROGRESS_TEMPLATES,
): Promise<string[]> {
  const boxes = keys.map((key) => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.id = `subscribe-template-${key}`;
    return box;
  });
  const accepted = await openMockSheet({
    title: '订阅消息通知',
    note: '模拟微信订阅消息授权（仅 H5 测试环境）',
    build: (body) =>
      keys.forEach((key, i) => {
        const option = document.createElement('label');
        option.className = 'mock-sheet__option';
        option.append(boxes[i], TEMPLATE_LABELS[key]);
        body.append(option);
      }),
    read: () => ({ value: keys.filter((_, i) => boxes[i].checked).map((key) => templates[key]) }),
    confirmId: 'subscribe-confirm',
    cancelId: 'subscribe-cancel',
  });
  return accepted ?? [];
}
