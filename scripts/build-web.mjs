#!/usr/bin/env node
/**
 * Builds the web surfaces (apps/web/<surface>) into dist/web/<surface>, served by the API:
 *   1. typed GraphQL documents: codegen reads schema.graphql, the surface's `src/api/*.ts`
 *      documents, the ones every surface sends (`apps/web/shared/documents/*.ts`, plain strings
 *      marked `/* GraphQL *\/`) and, for the consoles, those of the shared console pages
 *      (`apps/web/shared/console/documents/*.ts`), and writes `src/gql/` (a field that does not
 *      exist fails here);
 *   2. `vite build` with the surface's vite.config.ts;
 *   3. a brotli and a gzip twin of every text file, sent by @fastify/static when the browser
 *      takes them.
 * A surface whose inputs (its folder, apps/web/shared, schema.graphql, the lock file, this
 * script) have not changed since its last build is skipped, so `npm start` and `npm test`
 * stay quick after the first run.
 *
 *   node scripts/build-web.mjs [seeker|employer|staff ...] [--force] [--codegen-only]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const repo = fileURLToPath(new URL('..', import.meta.url));
const SURFACES = ['seeker', 'employer', 'staff'];
const args = process.argv.slice(2);
const force = args.includes('--force');
const codegenOnly = args.includes('--codegen-only');
const named = args.filter((arg) => !arg.startsWith('--'));
const surfaces = (named.length ? named : SURFACES).filter((surface) => existsSync(join(repo, 'apps/web', surface, 'index.html')));

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'node_modules' ? [] : filesUnder(path);
    return entry.name === 'components.d.ts' ? [] : [path];
  });
}

function inputsHash(surface) {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(repo, 'apps/web', surface)),
    ...filesUnder(join(repo, 'apps/web/shared')),
    join(repo, 'schema.graphql'),
    join(repo, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ].sort();
  for (const file of files) hash.update(relative(repo, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

async function codegen(surface) {
  const { generate } = await import('@graphql-codegen/cli');
  await generate(
    {
      schema: join(repo, 'schema.graphql'),
      // The surface's own documents, those all surfaces send (written once in apps/web/shared/documents)
      // and, for the two consoles, those of the console pages written once in apps/web/shared/console/documents.
      documents: [
        join(repo, 'apps/web', surface, 'src/api/**/*.ts'),
        join(repo, 'apps/web/shared/documents/**/*.ts'),
        ...(surface === 'seeker' ? [] : [join(repo, 'apps/web/shared/console/documents/**/*.ts')]),
      ],
      ignoreNoDocuments: true,
      silent: true,
      generates: {
        [join(repo, 'apps/web', surface, 'src/gql/')]: {
          preset: 'client',
          presetConfig: { fragmentMasking: false },
          config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, skipTypename: true, scalars: { DateTime: 'string' } },
        },
      },
    },
    true,
  );
}

function compress(dir) {
  for (const file of filesUnder(dir)) {
    if (!/\.(js|mjs|css|html|svg|json|webmanifest|txt|map)$/.test(file) || statSync(file).size < 512) continue;
    const content = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

for (const surface of surfaces) {
  const out = join(repo, 'dist/web', surface);
  const stamp = join(out, '.inputs');
  const hash = inputsHash(surface);
  // Typechecking needs the generated documents and the component declarations Vite writes.
  const generated = existsSync(join(repo, 'apps/web', surface, 'src/gql/index.ts')) && existsSync(join(repo, 'apps/web', surface, 'src/components.d.ts'));
  if (!force && !codegenOnly && generated && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    console.log(`web: ${surface} is up to date`);
    continue;
  }
  const started = Date.now();
  await codegen(surface);
  if (codegenOnly) continue;
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'apps/web', surface, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  compress(out);
  writeFileSync(stamp, hash);
  console.log(`web: built ${surface} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
