#!/usr/bin/env node
/**
 * `npm run dev:web [seeker|employer|staff]`: Vite's dev server for one surface with hot reload,
 * proxying the API routes to JOBCODE_API_URL (default http://localhost:3000, i.e. `npm start`
 * in another terminal). Regenerates the surface's typed GraphQL documents first.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const surface = process.argv[2] ?? 'seeker';
const repo = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/build-web.mjs', surface, '--codegen-only', '--force'], { cwd: repo, stdio: 'inherit' });
const { createServer } = await import('vite');
const server = await createServer({ configFile: `${repo}apps/web/${surface}/vite.config.ts` });
await server.listen();
server.printUrls();
