/**
 * NOT IMPLEMENTED: the contract a WeChat official-account template-message adapter will
 * fulfil. It needs the bureau's official account (AppID/secret), approved template ids,
 * the recipient's openid (bound when the person signs in through WeChat) and network
 * access this build does not have. Until then WeChat template messages are recorded in
 * notification_message (and shown in the in-app inbox) but not sent, with `dev` and
 * `tencent-sms` alike.
 */
export interface WechatTemplateGateway {
  send(request: { openId: string; templateId: string; data: Record<string, { value: string }>; url?: string; clientMsgId: string }): Promise<{ msgId: string }>;
}
