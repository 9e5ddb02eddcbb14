export * from './employer-member.entity';
export * from './employer.entity';
export * from './employer.loaders';
export * from './employer.object';
export * from './employers.exception';
export * from './employers.module';
export * from './employers.service';
