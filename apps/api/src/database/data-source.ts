import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from './data-source-options';

/**
 * The standalone DataSource for the TypeORM CLI and scripts:
 *   DATABASE_URL=postgres://… npx typeorm migration:show -d dist/apps/api/src/database/data-source.js
 */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'));
