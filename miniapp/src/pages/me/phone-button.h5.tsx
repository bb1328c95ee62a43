import { ActionButton } from '../../components/action-button';
import { openMockSheet } from '../../platform/mock-sheet.h5';
import { MOCK_PHONE, mockPhoneCode } from '../../platform/mock-wechat';

interface Props {
  busy: boolean;
  onCode: (code: string) => void;
}

/** H5 stand-in for WeChat's phone sheet: the tester types the number WeChat would vouch for. */
export function PhoneButton({ busy, onCode }: Props) {
  async function ask() {
    const input = document.createElement('input');
    input.id = 'mock-phone-input';
    input.className = 'mock-sheet__input';
    input.type = 'tel';
    input.maxLength = 11;
    input.placeholder = '11位手机号';
    const phone = await openMockSheet({
      title: '获取手机号',
      note: '模拟微信手机号授权（仅 H5 测试环境）',
      build: (body) => body.append(input),
      read: () => (MOCK_PHONE.test(input.value.trim()) ? { value: input.value.trim() } : { error: '请输入11位手机号' }),
      confirmId: 'mock-phone-confirm',
      cancelId: 'mock-phone-cancel',
    });
    if (phone) onCode(mockPhoneCode(phone));
  }

  return (
    <ActionButton id="me-get-phone" tone="secondary" size="small" busy={busy} onClick={() => void ask()}>
      获取手机号
    </ActionButton>
  );
}
