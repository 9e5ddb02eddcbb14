import { badInput } from '../errors/app-error';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Sex = 'MALE' | 'FEMALE';

export interface IdNumberFacts {
  /** Normalised: upper-case X. */
  idNumber: string;
  /** The 6-digit division code of the place of first registration. */
  regionCode: string;
  birthDate: string;
  sex: Sex;
}

/** The GB 11643-1999 check character of the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Validates an 18-character resident ID number (GB 11643): format, birth date and
 * check character. Returns the facts derived from it; throws BAD_USER_INPUT otherwise.
 */
export function parseIdNumber(raw: string, field = 'idNumber', today = new Date()): IdNumberFacts {
  const idNumber = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    throw badInput('身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X', { reason: 'INVALID_ID_NUMBER', field });
  }
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  if (y < 1900 || !isRealDate(y, m, d) || Date.UTC(y, m - 1, d) > today.getTime()) {
    throw badInput('身份证号中的出生日期不正确，请核对第 7–14 位', { reason: 'INVALID_ID_NUMBER', field });
  }
  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw badInput('身份证号校验位不正确，请逐位核对（可能有一位抄错）', { reason: 'INVALID_ID_NUMBER_CHECK', field });
  }
  return {
    idNumber,
    regionCode: idNumber.slice(0, 6),
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    sex: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

/** `4503**********1234`: the first 4 and the last 4 characters. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 4)}${'*'.repeat(Math.max(0, idNumber.length - 8))}${idNumber.slice(-4)}`;
}
