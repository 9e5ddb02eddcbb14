/** GB 11643-1999 citizen ID numbers, checked as typed: 17 digits, then the ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface IdNumberCheck {
  /** Complete and valid. */
  valid: boolean;
  /** What to tell the person now (empty while typing the first digits is fine). */
  message: string;
  birthDate?: string;
  sex?: 'MALE' | 'FEMALE';
}

export function checkIdNumber(raw: string): IdNumberCheck {
  const value = raw.trim().toUpperCase();
  if (!value) return { valid: false, message: '' };
  if (!/^\d{0,17}[\dX]?$/.test(value) || /X./.test(value)) return { valid: false, message: '身份证号只能是数字，最后一位可以是 X' };
  if (value.length < 18) return { valid: false, message: `还差 ${18 - value.length} 位` };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || date.getTime() > Date.now()) {
    return { valid: false, message: '身份证号里的出生日期不对，请核对第 7 到 14 位' };
  }
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  if (CHECK[sum % 11] !== value[17]) return { valid: false, message: '身份证号有误（最后一位校验不对），请逐位核对' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const sex = Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  return { valid: true, message: `出生日期 ${year}年${month}月${day}日，${sex === 'MALE' ? '男' : '女'}`, birthDate, sex };
}
