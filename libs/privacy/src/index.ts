export * from './data-deletion-request.entity';
export * from './data-deletion-sweeper';
export * from './privacy.module';
export * from './privacy.objects';
export * from './privacy.service';
