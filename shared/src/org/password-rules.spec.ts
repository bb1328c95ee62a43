import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from './password-rules';

describe('staff password rules', () => {
  const common = new Set(['qwertyuiop', 'woaini1314520']);
  const isCommon = (p: string) => common.has(p);

  it.each([
    ['9 characters', 'Abcdefgh1', 'tech9', 'too_short'],
    ['10 characters', 'Abcdefgh12', 'tech9', null],
    ['10 Chinese characters count as 10', '燃气热力服务中心一号', 'tech9', null],
    ['9 Chinese characters', '燃气热力服务中心一', 'tech9', 'too_short'],
    ['129 characters', 'a'.repeat(129), 'tech9', 'too_long'],
    ['128 characters', 'x7'.repeat(64), 'tech9', null],
    ['the username itself', 'zhangsan01', 'zhangsan01', 'is_username'],
    ['the username in another case', 'ZhangSan01', 'zhangsan01', 'is_username'],
    ['the username with more around it', 'zhangsan01!', 'zhangsan01', null],
    ['a common password', 'qwertyuiop', 'tech9', 'common'],
    ['a common password in capitals', 'QWERTYuiop', 'tech9', 'common'],
    ['a common Chinese pattern', 'woaini1314520', 'tech9', 'common'],
    ['a short password is reported as short before common', 'qwerty', 'tech9', 'too_short'],
  ])('%s → %s', (_what, password, username, expected) => {
    expect(passwordProblem(password, username, isCommon)).toBe(expected);
  });

  it('without a list of common passwords checks only length and username', () => {
    expect(passwordProblem('qwertyuiop', 'tech9')).toBeNull();
  });

  it('has a Chinese message for every problem', () => {
    for (const message of Object.values(PASSWORD_PROBLEM_MESSAGES)) expect(message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
