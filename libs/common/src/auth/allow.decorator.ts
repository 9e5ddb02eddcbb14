import { SetMetadata } from '@nestjs/common';

import { Role } from './role';

export const ALLOW_KEY = 'jobcode:allow';
export const PUBLIC = 'PUBLIC' as const;
export type Allowed = readonly (Role | typeof PUBLIC)[];

/**
 * Declares who may call a query, mutation or route. The global guard refuses
 * every operation that declares nothing (deny by default).
 * `@Allow(PUBLIC)` lets anyone in, signed in or not.
 */
export const Allow = (...who: (Role | typeof PUBLIC)[]) => SetMetadata(ALLOW_KEY, who);

export const ALLOW_DURING_SETUP_KEY = 'jobcode:allow-during-setup';
/**
 * Marks the few operations an account may use before it has finished its setup (changed a
 * one-time password, set up a required second factor): `me`, `changePassword`, `signOut`…
 */
export const AllowDuringSetup = () => SetMetadata(ALLOW_DURING_SETUP_KEY, true);

export const RATE_LIMIT_KEY = 'jobcode:rate-limit';
export interface RateLimitRule {
  /** Calls allowed per window, per client and per account; each alias counts. */
  points: number;
  windowSeconds: number;
}
/** A database-backed limit shared by all API processes, counted per call of the operation. */
export const RateLimit = (rule: RateLimitRule) => SetMetadata(RATE_LIMIT_KEY, rule);
