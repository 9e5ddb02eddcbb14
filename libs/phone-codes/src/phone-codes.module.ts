import { Global, Module } from '@nestjs/common';

import { PhoneCodesResolver } from './phone-codes.resolver';
import { PhoneCodesService } from './phone-codes.service';

@Global()
@Module({ providers: [PhoneCodesService, PhoneCodesResolver], exports: [PhoneCodesService] })
export class PhoneCodesModule {}
