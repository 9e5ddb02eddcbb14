import 'reflect-metadata';

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../database/data-source-options';
import { schemaDiff } from '../database/schema-diff';
import { createScratchDatabase } from './scratch-database';

/**
 * npm run migration:generate -- <PascalCaseName>
 * Applies the existing migrations to a scratch database, asks TypeORM what the
 * entities still need, and writes that as a new timestamped migration.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Usage: npm run migration:generate -- <PascalCaseName>');
    process.exit(2);
  }
  const scratch = await createScratchDatabase('jobcode_migration');
  const dataSource = new DataSource(dataSourceOptions(scratch.url, 2));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const diff = await schemaDiff(dataSource);
    if (diff.up.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const quote = (sql: string) => `    await queryRunner.query(\`${sql.replace(/`/g, '\\`')}\`);`;
    const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.up.map(quote).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${diff.down.map(quote).join('\n')}
  }
}
`;
    const dir = join(process.cwd(), 'apps/api/src/database/migrations');
    const file = `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
    writeFileSync(join(dir, file), source);
    const indexFile = join(dir, 'index.ts');
    const index = readFileSync(indexFile, 'utf8')
      // after the last import, so the list of imports stays one block
      .replace(/((?:^import [^\n]*\n)+)/m, `$1import { ${className} } from './${file.replace(/\.ts$/, '')}';\n`)
      .replace(/export const MIGRATIONS = \[([^]*?)\];/, (_m, list: string) => {
        const items = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        return `export const MIGRATIONS = [${[...items, className].join(', ')}];`;
      });
    writeFileSync(indexFile, index);
    execFileSync(join(process.cwd(), 'node_modules/.bin/prettier'), ['--write', '--log-level', 'warn', join(dir, file), indexFile], { stdio: 'inherit' });
    console.log(`Wrote apps/api/src/database/migrations/${file} (${diff.up.length} statements)`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await scratch.drop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
