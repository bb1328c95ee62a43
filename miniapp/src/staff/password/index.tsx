import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH, PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { changePassword, logout } from '../../services/api/staff';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';

type Field = 'current' | 'next' | 'repeat';
type Errors = Partial<Record<Field, string>>;

/**
 * Every staff member's password change. With `required=1` (first sign-in, or after an admin's reset)
 * it is the only page that works until the one-time password is replaced.
 */
function ChangePasswordPage() {
  const required = useRouter().params.required === '1';
  const [staff] = useState(() => requireStaff());
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!staff) return;
    const found: Errors = {};
    const parsed = ChangePasswordSchema.safeParse({ current, next });
    if (!parsed.success) for (const issue of parsed.error.issues) found[issue.path[0] as Field] ??= issue.message;
    // The list of common passwords is the server's; length and username are checked here first.
    const problem = next ? passwordProblem(next, staff.username) : null;
    if (problem) found.next ??= PASSWORD_PROBLEM_MESSAGES[problem];
    if (!found.next && next !== repeat) found.repeat = '两次输入的新密码不一致';
    setErrors(found);
    if (Object.keys(found).length || !parsed.success) return;
    setBusy(true);
    try {
      await changePassword(parsed.data);
      await Taro.showToast({ title: '密码已修改', icon: 'success' });
      void Taro.reLaunch({ url: '/staff/queues/index' });
    } catch (error) {
      if (error instanceof ApiRequestError && error.code === 'CURRENT_PASSWORD_WRONG') {
        setErrors({ current: error.message });
      } else if (error instanceof ApiRequestError && error.code === 'PASSWORD_TOO_WEAK') {
        setErrors({ next: error.message });
      } else if (error instanceof ApiRequestError) {
        void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
      }
    } finally {
      setBusy(false);
    }
  }

  function signOut() {
    logout();
    void Taro.reLaunch({ url: '/staff/login/index' });
  }

  if (!staff) return <View className="page" />;
  return (
    <View className="page">
      <View className="card">
        {required ? (
          <Text id="password-required" className="password__hint">
            {staff.name}，您正在使用管理员发放的初始密码，请先设置自己的新密码后再开始工作。
          </Text>
        ) : null}
        <FormField label={required ? '初始密码' : '当前密码'} id="password-current" error={errors.current}>
          <Input
            id="password-current"
            className="field__input"
            password
            placeholder={required ? '请输入管理员发放的初始密码' : '请输入当前密码'}
            value={current}
            onInput={(e) => setCurrent(e.detail.value)}
          />
        </FormField>
        <FormField label="新密码" id="password-next" error={errors.next}>
          <Input
            id="password-next"
            className="field__input"
            password
            placeholder={`至少${PASSWORD_MIN_LENGTH}个字符`}
            value={next}
            onInput={(e) => setNext(e.detail.value)}
          />
        </FormField>
        <Text className="muted password__rules">
          至少{PASSWORD_MIN_LENGTH}个字符，不能与用户名相同，不能使用常见密码。
        </Text>
        <FormField label="确认新密码" id="password-repeat" error={errors.repeat}>
          <Input
            id="password-repeat"
            className="field__input"
            password
            placeholder="请再次输入新密码"
            value={repeat}
            onInput={(e) => setRepeat(e.detail.value)}
            onConfirm={submit}
          />
        </FormField>
        <ActionButton id="password-submit" busy={busy} onClick={submit}>
          确认修改
        </ActionButton>
      </View>
      {required ? (
        <ActionButton id="password-logout" tone="secondary" onClick={signOut}>
          退出登录
        </ActionButton>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(ChangePasswordPage, 'password', '修改密码');
