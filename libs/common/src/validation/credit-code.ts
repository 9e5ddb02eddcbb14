import { badInput } from '../errors/app-error';

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Validates an 18-character unified social credit code (统一社会信用代码); returns it normalised. */
export function parseCreditCode(raw: string, field = 'creditCode'): string {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    throw badInput('统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、Z、S、V）', {
      reason: 'INVALID_CREDIT_CODE',
      field,
    });
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    throw badInput('统一社会信用代码校验位不正确，请核对营业执照上的代码', { reason: 'INVALID_CREDIT_CODE_CHECK', field });
  }
  return code;
}
