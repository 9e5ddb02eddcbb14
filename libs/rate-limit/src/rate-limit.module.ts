import { Global, Module } from '@nestjs/common';

import { RateLimitService } from './rate-limit.service';

/** Rate-limit counters in PostgreSQL. Global: infrastructure (like the database) any feature may count with; it depends on no feature. */
@Global()
@Module({ providers: [RateLimitService], exports: [RateLimitService] })
export class RateLimitModule {}
