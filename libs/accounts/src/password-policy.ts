import { AccountsException, AccountsExceptionCode } from './accounts.exception';

/** MLPS 2.0 asks for password rules: 8–64 characters, letters and digits, not the phone number. */
export function assertPasswordAcceptable(password: string, phone: string): void {
  const problems: string[] = [];
  if (password.length < 8 || password.length > 64) problems.push('长度为 8 到 64 位');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('同时包含字母和数字');
  if (password.includes(phone.slice(-8))) problems.push('不包含手机号');
  if (problems.length) {
    throw new AccountsException(AccountsExceptionCode.WEAK_PASSWORD, `密码不符合要求：需要${problems.join('，')}`);
  }
}
