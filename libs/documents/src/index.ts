export * from './documents.exception';
export * from './documents.module';
export * from './pdf-document';
export * from './pdf-renderer';
