import { Secrets } from '@jobcode/common';

/** The keys every test app and test module signs and encrypts with (never a real key). */
export const TEST_SECRETS = new Secrets('test-jwt-secret-0123456789abcdef0123456789', 'a'.repeat(64), 'b'.repeat(64));
