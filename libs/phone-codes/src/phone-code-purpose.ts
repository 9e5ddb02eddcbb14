import { registerEnumType } from '@nestjs/graphql';

/** What a texted code may be used for; a code of one purpose is never accepted for another. */
export enum PhoneCodePurpose {
  SIGN_UP = 'SIGN_UP',
  SIGN_IN = 'SIGN_IN',
  CLAIM = 'CLAIM',
  CONTRACT_SIGNING = 'CONTRACT_SIGNING',
}

registerEnumType(PhoneCodePurpose, {
  name: 'PhoneCodePurpose',
  description: '短信验证码的用途',
  valuesMap: {
    SIGN_UP: { description: '注册账号（验证手机号）' },
    SIGN_IN: { description: '手机号 + 验证码登录' },
    CLAIM: { description: '认领工作人员代为登记的求职信息（验证码发到登记时留的手机号）' },
    CONTRACT_SIGNING: { description: '签署劳动合同（请用 requestContractSigningCode，它把验证码绑定到合同）' },
  },
});

/** The words a text message uses for each purpose. */
export const PURPOSE_WORDS: Record<PhoneCodePurpose, string> = {
  SIGN_UP: '注册账号',
  SIGN_IN: '登录',
  CLAIM: '认领求职登记',
  CONTRACT_SIGNING: '签署劳动合同',
};
