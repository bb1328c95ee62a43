import { Button } from '@tarojs/components';

interface Props {
  busy: boolean;
  onCode: (code: string) => void;
}

/** WeChat's own phone sheet; a refusal brings no code, and nothing is sent. */
export function PhoneButton({ busy, onCode }: Props) {
  return (
    <Button
      id="me-get-phone"
      className="btn btn--secondary btn--small"
      openType="getPhoneNumber"
      loading={busy || undefined}
      disabled={busy || undefined}
      onGetPhoneNumber={(e) => {
        if (e.detail.code) onCode(e.detail.code);
      }}
    >
      获取手机号
    </Button>
  );
}
