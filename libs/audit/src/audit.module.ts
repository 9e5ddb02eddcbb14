import { Global, Module } from '@nestjs/common';

import { AuditService } from './audit.service';

/** The append-only security log. Global: infrastructure every module that signs in, reads or changes accounts may write to; it depends on no feature. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
