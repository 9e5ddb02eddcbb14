/**
 * Tests run as CommonJS, the same module system as the built service (dist/ is CommonJS
 * and loads Nest 12's ESM-only packages through Node's require(esm)).
 *
 * Jest's own CommonJS runtime cannot require ESM, so the ESM-only packages in node_modules
 * are transformed to CommonJS by @swc/jest (cached after the first run). The ESM route that
 * ../shared/STACK.md describes (--experimental-vm-modules) boots Nest but breaks code-first
 * GraphQL: `@Field(() => String)` reached the schema factory as a String that was not its
 * own, so every schema build failed with "Cannot determine a GraphQL output type".
 * `npm test` still passes --experimental-vm-modules: PGlite's CommonJS build loads its WASM
 * through a dynamic import(), which jest only serves with that flag (JOBCODE_TEST_PGLITE=1).
 */
const decorators = { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false };
const typescript = {
  jsc: { parser: { syntax: 'typescript', decorators: true }, transform: decorators, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs', ignoreDynamic: false },
  sourceMaps: 'inline',
};
const esmPackage = {
  jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs', strictMode: false, ignoreDynamic: false },
};
const ESM_ONLY = [
  '@nestjs',
  'typeorm',
  '@electric-sql',
  'jose',
  '@apollo',
  '@as-integrations',
  'file-type',
  'uid',
  '@whatwg-node',
  'cookie',
  'meilisearch',
  '@scure',
  '@noble',
  '@otplib',
  '@fastify/static',
  'content-disposition',
];

export default {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', typescript], '^.+\\.m?js$': ['@swc/jest', esmPackage] },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: { '^@jobcode/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
