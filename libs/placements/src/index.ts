export * from './destination';
export * from './placement.entity';
export * from './placement.enums';
export * from './placement.object';
export * from './placements.exception';
export * from './placements.module';
export * from './placements.service';
export * from './demo/placements.demo';
