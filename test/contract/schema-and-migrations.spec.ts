import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { MIGRATIONS } from '../../apps/api/src/database/migrations';
import { schemaDiff } from '../../apps/api/src/database/schema-diff';
import { schemaFileText } from '../../apps/api/src/graphql/schema-file';
import { startTestApp, type TestApp } from '../support/test-app';

describe('committed contracts', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('schema.graphql matches the resolvers (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8');
    expect(schemaFileText(api.app)).toBe(committed);
  });

  it('every connection a page pages through gives its total (search says when it is an estimate)', () => {
    const committed = readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8');
    const connections = [...committed.matchAll(/^type (\w+Connection) \{\n([\s\S]*?)^\}/gm)];
    expect(connections.length).toBeGreaterThan(10);
    for (const [, name, body] of connections) {
      expect({ name, totalCount: /^\s*totalCount: Int!$/m.test(body) }).toEqual({ name, totalCount: true });
    }
    const search = connections.find(([, name]) => name === 'JobSearchConnection');
    expect(search?.[2]).toMatch(/^\s*approximate: Boolean!$/m);
  });

  it('lists the migrations in the order TypeORM runs them (by the timestamp ending each class name)', () => {
    const timestamps = MIGRATIONS.map((m) => Number(m.name.slice(-13)));
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
  });

  it('the migrations create exactly what the entities describe (run `npm run migration:generate -- Name`)', async () => {
    const dataSource = new DataSource(dataSourceOptions(api.databaseUrl, 1));
    await dataSource.initialize();
    try {
      expect(await schemaDiff(dataSource)).toEqual({ up: [], down: [] });
    } finally {
      await dataSource.destroy();
    }
  });
});
