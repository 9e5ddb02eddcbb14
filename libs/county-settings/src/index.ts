export * from './county-setting-definition';
export * from './county-setting.entity';
export * from './county-setting.object';
export * from './county-settings.module';
export * from './county-settings.service';
