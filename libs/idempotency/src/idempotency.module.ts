import { Module } from '@nestjs/common';

import { IdempotencyPlugin } from './idempotency.plugin';
import { IdempotencyService } from './idempotency.service';

@Module({ providers: [IdempotencyService, IdempotencyPlugin], exports: [IdempotencyService] })
export class IdempotencyModule {}
