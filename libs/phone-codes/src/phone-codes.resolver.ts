import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { AccountsService, AuthPayload, AuthService } from '@jobcode/accounts';
import { AuditService, SecurityEventKind } from '@jobcode/audit';
import { Allow, AllowDuringSetup, PUBLIC, RateLimit, ReqContext, type RequestContext, Role } from '@jobcode/common';
import { NoIdempotencyKey } from '@jobcode/idempotency';

import { RequestPhoneCodeInput, RequestPhoneCodePayload } from './dto/request-phone-code.input';
import { SignInWithPhoneCodeInput } from './dto/sign-in-with-phone-code.input';
import { SignUpInput } from './dto/sign-up.input';
import { PhoneCodePurpose } from './phone-code-purpose';
import { PhoneCodesException, PhoneCodesExceptionCode } from './phone-codes.exception';
import { PhoneCodesService } from './phone-codes.service';

/** Sign-up and sign-in by a code texted to the phone (the usual way in China); password sign-in stays in AuthResolver. */
@Resolver()
export class PhoneCodesResolver {
  constructor(
    private readonly codes: PhoneCodesService,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  @Allow(PUBLIC)
  @RateLimit({ points: 20, windowSeconds: 3600 })
  @AllowDuringSetup()
  @NoIdempotencyKey()
  @Mutation(() => RequestPhoneCodePayload, {
    description: '向手机号发送 6 位短信验证码（10 分钟内有效，只能用一次）；无论手机号是否已注册，回答都一样。合同签署请用 requestContractSigningCode',
  })
  async requestPhoneCode(@ReqContext() context: RequestContext, @Args('input') input: RequestPhoneCodeInput): Promise<RequestPhoneCodePayload> {
    if (input.purpose === PhoneCodePurpose.CONTRACT_SIGNING) {
      throw new PhoneCodesException(
        PhoneCodesExceptionCode.PURPOSE_NOT_REQUESTABLE,
        '签署合同的验证码请在合同页面点击“获取验证码”（requestContractSigningCode）',
        {
          field: 'input.purpose',
        },
      );
    }
    const issued = await this.codes.request(input.phone, input.purpose, context.clientKey);
    return { sent: true, ...issued };
  }

  @Allow(PUBLIC)
  @RateLimit({ points: 10, windowSeconds: 600 })
  @AllowDuringSetup()
  @NoIdempotencyKey()
  @Mutation(() => AuthPayload, { description: '用手机号 + 短信验证码（用途 SIGN_UP）注册求职者或用人单位账号，并登录；密码可不设' })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    const account = await this.codes.consume(input.phone, PhoneCodePurpose.SIGN_UP, input.code, async (manager, phone) => {
      const created = await this.accounts.create({ role: input.role, phone, password: input.password, name: input.name }, manager);
      await this.audit.security({ kind: SecurityEventKind.SIGN_UP, accountId: created.id, detail: { role: created.role, phoneVerified: true } }, manager);
      return created;
    });
    return this.auth.payload(await this.auth.startSession(account));
  }

  @Allow(PUBLIC)
  @RateLimit({ points: 30, windowSeconds: 600 })
  @AllowDuringSetup()
  @NoIdempotencyKey()
  @Mutation(() => AuthPayload, { description: '手机号 + 短信验证码（用途 SIGN_IN）登录；工作人员账号须用密码（和动态码）登录' })
  async signInWithPhoneCode(@Args('input') input: SignInWithPhoneCodeInput): Promise<AuthPayload> {
    const account = await this.codes.consume(input.phone, PhoneCodePurpose.SIGN_IN, input.code, async (manager, phone) => {
      const found = await this.accounts.findByPhone(phone, manager);
      if (!found) throw new PhoneCodesException(PhoneCodesExceptionCode.NO_ACCOUNT, '此手机号还没有注册账号，请先注册', { field: 'input.phone' });
      if (found.role !== Role.SEEKER && found.role !== Role.EMPLOYER) {
        throw new PhoneCodesException(
          PhoneCodesExceptionCode.PHONE_CODE_SIGN_IN_NOT_ALLOWED,
          '工作人员和管理员账号请用手机号 + 密码（和身份验证器动态码）登录',
          {
            field: 'input.phone',
          },
        );
      }
      // A text message alone must not get round an authenticator the person set up.
      if (found.totpEnabledAt) {
        throw new PhoneCodesException(
          PhoneCodesExceptionCode.PHONE_CODE_SIGN_IN_NOT_ALLOWED,
          '此账号已绑定身份验证器：请用手机号 + 密码和验证器上的动态码登录',
          { field: 'input.phone' },
        );
      }
      return found;
    });
    return this.auth.payload(await this.auth.startVerifiedSession(account, 'phone-code'));
  }
}
