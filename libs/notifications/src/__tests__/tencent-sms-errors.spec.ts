import { classifyTencentSmsCode, describeTencentError, maskDigits, SmsFailureKind } from '../adapters/tencent-sms/tencent-sms-errors';

const { TEMPORARY, PERMANENT } = SmsFailureKind;

describe('Tencent SMS error classification', () => {
  it.each([
    ['InvalidParameterValue.IncorrectPhoneNumber', PERMANENT],
    ['InvalidParameterValue.TemplateParameterFormatError', PERMANENT],
    ['InvalidParameterValue.ContentLengthLimit', PERMANENT],
    ['MissingParameter.EmptyPhoneNumberSet', PERMANENT],
    ['UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone', PERMANENT],
    ['FailedOperation.TemplateIncorrectOrUnapproved', PERMANENT],
    ['FailedOperation.SignatureIncorrectOrUnapproved', PERMANENT],
    ['FailedOperation.PhoneNumberInBlacklist', PERMANENT],
    ['FailedOperation.ContainSensitiveWord', PERMANENT],
    ['LimitExceeded.PhoneNumberCountLimit', PERMANENT],
    ['FailedOperation.InsufficientBalanceInSmsPackage', TEMPORARY],
    ['FailedOperation.MarketingSendTimeConstraint', TEMPORARY],
    ['LimitExceeded.PhoneNumberDailyLimit', TEMPORARY],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', TEMPORARY],
    ['LimitExceeded.DeliveryFrequencyLimit', TEMPORARY],
    ['RequestLimitExceeded', TEMPORARY],
    ['InternalError.Timeout', TEMPORARY],
    ['InternalError.OtherError', TEMPORARY],
    ['AuthFailure.SignatureFailure', TEMPORARY],
    ['UnauthorizedOperation.SmsSdkAppIdVerifyFail', TEMPORARY],
    ['FailedOperation', TEMPORARY],
    ['SomethingNew.NeverSeen', TEMPORARY],
  ])('%s is %s', (code, kind) => {
    expect(classifyTencentSmsCode(code)).toBe(kind);
  });

  it('reads SDK errors: an API code, an HTTP status, or no answer at all', () => {
    expect(describeTencentError({ code: 'InvalidParameterValue.IncorrectPhoneNumber', message: 'bad +8613812345678', requestId: 'r-1' })).toEqual({
      kind: PERMANENT,
      code: 'InvalidParameterValue.IncorrectPhoneNumber',
      detail: 'bad +86****78',
      requestId: 'r-1',
    });
    expect(describeTencentError({ httpCode: 502, message: 'Bad Gateway' })).toMatchObject({ kind: TEMPORARY, code: 'HTTP_502' });
    expect(describeTencentError(new Error('connect ECONNREFUSED 127.0.0.1:9'))).toMatchObject({ kind: TEMPORARY, code: 'NETWORK' });
  });

  it('masks phone numbers in provider messages', () => {
    expect(maskDigits('phone 13812345678 is invalid')).toBe('phone 138****78 is invalid');
    expect(maskDigits('code 1004')).toBe('code 1004');
  });
});
