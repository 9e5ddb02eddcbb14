import { Global, Module } from '@nestjs/common';

import { OutboxDispatcher } from './outbox-dispatcher';
import { OutboxHealthController } from './outbox-health.controller';
import { OutboxRegistry } from './outbox-registry';
import { OutboxResolver } from './outbox.resolver';
import { OutboxService } from './outbox.service';

/** The transactional outbox and its PostgreSQL-backed dispatcher. Global: infrastructure every feature publishes to and subscribes on; it depends on no feature. */
@Global()
@Module({
  providers: [OutboxRegistry, OutboxDispatcher, OutboxService, OutboxResolver],
  controllers: [OutboxHealthController],
  exports: [OutboxService],
})
export class OutboxModule {}
