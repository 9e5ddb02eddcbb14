import { type INestApplicationContext } from '@nestjs/common';

import { AccountsService } from '@jobcode/accounts';
import { type Actor, type Role } from '@jobcode/common';

export const TEST_PASSWORD = 'Passw0rd-test';

let phoneCounter = 0;
/** Unique, valid mobile numbers per test process. */
export function nextPhone(): string {
  phoneCounter += 1;
  return `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

/** An account of a role (and region), written through AccountsService, for specs that need one but no sign-in. */
export async function account(
  app: Pick<INestApplicationContext, 'get'>,
  role: Role,
  regionCode: string | null = null,
  name = '测试用户',
): Promise<{ accountId: string; phone: string }> {
  const phone = nextPhone();
  const created = await app.get(AccountsService).create({ role, phone, password: TEST_PASSWORD, name, regionCode });
  return { accountId: created.id, phone };
}

/** A new account of a role (and region) as the Actor its requests would carry, for service-tier specs that call services as it. */
export async function actingAccount(
  app: Pick<INestApplicationContext, 'get'>,
  role: Role,
  regionCode: string | null = null,
  name = '测试用户',
): Promise<Actor & { phone: string }> {
  const { accountId, phone } = await account(app, role, regionCode, name);
  return { accountId, role, regionCode, sessionId: `test-session-${accountId}`, phone };
}
