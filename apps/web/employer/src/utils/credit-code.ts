/** GB 32100-2015: the unified social credit code's character set (no I, O, Z, S, V) and check character. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The problem with a credit code as typed so far (the API's own wording), or '' when it is valid. */
export function creditCodeProblem(raw: string): string {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return '统一社会信用代码应为 18 位，由数字和大写字母组成（不含 I、O、Z、S、V）';
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(code[i]) * WEIGHTS[i];
  if (CHARSET[(31 - (sum % 31)) % 31] !== code[17]) return '统一社会信用代码校验位不正确，请核对营业执照上的代码（GB 32100）';
  return '';
}
