/** What the desk reads off an ID number as it is typed: birth date, sex, and whether the check character is right. */
export interface IdNumberReading {
  complete: boolean;
  valid: boolean;
  birthDate?: string;
  sex?: 'MALE' | 'FEMALE';
  /** A Chinese sentence when something is wrong (shown under the field as the person types). */
  problem?: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function readIdNumber(raw: string, today = new Date()): IdNumberReading {
  const value = raw.trim().toUpperCase();
  if (!value) return { complete: false, valid: false };
  if (!/^\d{0,17}[\dX]?$/.test(value) || (value.length < 18 && value.includes('X'))) {
    return { complete: false, valid: false, problem: '身份证号只能是数字，最后一位可以是 X' };
  }
  const reading: IdNumberReading = { complete: value.length === 18, valid: false };
  if (value.length >= 14) {
    const y = Number(value.slice(6, 10));
    const m = Number(value.slice(10, 12));
    const d = Number(value.slice(12, 14));
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || date > today) {
      return { ...reading, problem: `出生日期 ${value.slice(6, 14)} 不是有效日期，请核对第 7–14 位` };
    }
    reading.birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  if (value.length >= 17) reading.sex = Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
  if (value.length === 18) {
    const expected = checkCharacter(value.slice(0, 17));
    if (expected !== value[17]) return { ...reading, problem: `校验位不对：按前 17 位算最后一位应为 ${expected}，请核对是否输错` };
    reading.valid = true;
  } else if (value.length > 18) {
    return { ...reading, problem: '身份证号是 18 位' };
  }
  return reading;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}
