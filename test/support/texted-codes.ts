import { OutboxService } from '@jobcode/outbox';
import { PersonalDataCipher } from '@jobcode/personal-data';

import { type TestApp } from './test-app';

/**
 * The newest code texted to `phone` (any template with "验证码 123456"), read from the dev
 * adapter's record as the phone's owner would read the SMS. Undefined when none was sent.
 */
export async function textedCodeTo(api: TestApp, phone: string, template = 'phone.code'): Promise<string | undefined> {
  await api.app.get(OutboxService).drain();
  const cipher = api.app.get(PersonalDataCipher);
  const rows: { body: string; phone_encrypted: string | null }[] = await api.dataSource.query(
    `SELECT body, phone_encrypted FROM notification_message WHERE template_key = $1 AND channel = 'SMS' ORDER BY delivered_at DESC, requested_at DESC`,
    [template],
  );
  const row = rows.find((r) => r.phone_encrypted && cipher.decrypt(r.phone_encrypted) === phone);
  return row ? /验证码 (\d{6})/.exec(row.body)?.[1] : undefined;
}

/** A fresh client address per call, so per-client limits count per test step, not per file. */
let client = 0;
export function freshClient(): Record<string, string> {
  client += 1;
  return { 'x-forwarded-for': `10.${50 + (process.pid % 150)}.${Math.floor(client / 250) % 250}.${client % 250}` };
}

/** Requests a code for `purpose` over GraphQL and returns what the phone received. */
export async function requestCode(api: TestApp, phone: string, purpose: string): Promise<string> {
  const result = await api.gql(
    `mutation($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) { sent } }`,
    { i: { phone, purpose } },
    undefined,
    freshClient(),
  );
  if (result.errors) throw new Error(`requestPhoneCode failed: ${JSON.stringify(result.errors)}`);
  const code = await textedCodeTo(api, phone);
  if (!code) throw new Error(`No code was texted to ${phone}`);
  return code;
}
