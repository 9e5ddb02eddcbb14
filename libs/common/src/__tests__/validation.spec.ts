import { AppError, ErrorCode } from '../errors/app-error';
import { creditCodeCheckChar, parseCreditCode } from '../validation/credit-code';
import { idNumberCheckChar, maskIdNumber, parseIdNumber } from '../validation/id-number';
import { maskPhone, parsePhone } from '../validation/phone';
import { isWithinRegion, parseRegionCode, RegionLevel, regionAncestorAt, regionLevelOf } from '../validation/region-code';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resident ID number (GB 11643)', () => {
  // The standard's own example: 11010519491231002X
  it('accepts a valid number and derives birth date and sex from it', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({ idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', sex: 'FEMALE' });
    const male = `45032919900101001`;
    expect(parseIdNumber(male + idNumberCheckChar(male)).sex).toBe('MALE');
  });

  it('refuses a wrong check digit, saying so', () => {
    const error = refusal(() => parseIdNumber('110105194912310021'));
    expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(error.reason).toBe('INVALID_ID_NUMBER_CHECK');
    expect(error.message).toContain('校验位');
  });

  it('refuses impossible birth dates and wrong lengths', () => {
    const feb30 = '45032919900230001';
    expect(refusal(() => parseIdNumber(feb30 + idNumberCheckChar(feb30))).message).toContain('出生日期');
    expect(refusal(() => parseIdNumber('4503291990')).reason).toBe('INVALID_ID_NUMBER');
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('450329199001010012')).toBe('4503**********0012');
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts a code whose check character matches', () => {
    // A published example: 91350100M000100Y43
    expect(parseCreditCode('91350100m000100y43')).toBe('91350100M000100Y43');
    const body = '91450329MA5K00001';
    expect(parseCreditCode(body + creditCodeCheckChar(body))).toBe(body + creditCodeCheckChar(body));
  });

  it('refuses a code whose check character does not match, saying so', () => {
    const error = refusal(() => parseCreditCode('91350100M000100Y44'));
    expect(error.reason).toBe('INVALID_CREDIT_CODE_CHECK');
    expect(error.message).toContain('校验位');
  });

  it('refuses letters the standard excludes', () => {
    expect(refusal(() => parseCreditCode('91350100M000100IO3')).reason).toBe('INVALID_CREDIT_CODE');
  });
});

describe('mobile phone', () => {
  it('normalises +86, spaces and dashes', () => {
    expect(parsePhone('+86 138-1234-5678')).toBe('13812345678');
  });
  it('refuses numbers that are not mainland mobiles', () => {
    expect(refusal(() => parsePhone('12812345678')).reason).toBe('INVALID_PHONE');
    expect(refusal(() => parsePhone('1381234567')).message).toContain('11 位');
  });
  it('masks the middle four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('region codes', () => {
  it('knows the level by the length and tests containment by prefix', () => {
    expect(regionLevelOf('450329103201')).toBe(RegionLevel.VILLAGE);
    expect(regionLevelOf('450329103')).toBe(RegionLevel.TOWNSHIP);
    expect(regionLevelOf('4503291')).toBeUndefined();
    expect(isWithinRegion('450329103201', '450329103')).toBe(true);
    expect(isWithinRegion('450329202201', '450329103')).toBe(false);
    expect(regionAncestorAt('450329103201', RegionLevel.COUNTY)).toBe('450329');
    expect(refusal(() => parseRegionCode('45032')).reason).toBe('INVALID_REGION_CODE');
  });
});
