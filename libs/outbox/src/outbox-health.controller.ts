import { Controller, Get, Header } from '@nestjs/common';

import { Allow, PUBLIC } from '@jobcode/common';

import { OutboxService } from './outbox.service';
import { type OutboxStats } from './outbox.types';

export interface OutboxHealth extends OutboxStats {
  /** `ok`, or `attention` when some delivery is DEAD. */
  status: 'ok' | 'attention';
}

/** GET /health/outbox — counts only (no event data), for monitoring. */
@Controller('health')
export class OutboxHealthController {
  constructor(private readonly outbox: OutboxService) {}

  @Allow(PUBLIC)
  @Get('outbox')
  @Header('Cache-Control', 'no-store')
  async outboxHealth(): Promise<OutboxHealth> {
    const stats = await this.outbox.stats();
    return { status: stats.dead > 0 ? 'attention' : 'ok', ...stats };
  }
}
