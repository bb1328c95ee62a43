/**
 * Staff password rules (issue 13): at least 10 characters, not the
 * username, not a commonly used password. The list of common passwords lives in the server (too big
 * for the miniapp bundle): the caller passes the check, the miniapp passes none and the server decides.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'is_username' | 'common';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `密码至少需要${PASSWORD_MIN_LENGTH}个字符`,
  too_long: `密码不能超过${PASSWORD_MAX_LENGTH}个字符`,
  is_username: '密码不能与用户名相同',
  common: '该密码过于常见，容易被猜到，请换一个',
};

/** The first rule `password` breaks, or null when it may be used. Length counts characters, not bytes. */
export function passwordProblem(
  password: string,
  username: string,
  isCommon: (lowercased: string) => boolean = () => false,
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (lower === username.trim().toLowerCase()) return 'is_username';
  if (isCommon(lower)) return 'common';
  return null;
}
