import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { WEB_SURFACES, type WebSurface } from './web-surfaces';

/** Hashed build output (`assets/name-<hash>.js`) never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** HTML, the service worker and the manifest are revalidated on every visit. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built pages (`npm run build:web` → `WEB_DIR/<surface>`) from this process, one
 * encapsulated @fastify/static scope per surface: files listed once at start (`wildcard: false`,
 * so a rebuild needs a restart), brotli/gzip twins sent when the browser takes them, hashed
 * assets cached for a year, everything else revalidated; a deep link (`/m/jobs/…`) gets the
 * surface's index.html, so the client-side router shows the page. `/` leads to the seeker's pages,
 * and the old `/jobs/<id>` links of printed scan pages lead to the job's page.
 */
export async function serveWeb(app: NestFastifyApplication, webDir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  for (const surface of WEB_SURFACES) {
    const root = resolve(webDir, surface.folder);
    await fastify.register(async (scope) => {
      if (existsSync(join(root, 'index.html'))) await serveSurface(scope, surface, root);
      else serveNotBuilt(scope, surface);
    });
  }
  fastify.get('/', (_request, reply) => reply.redirect('/m/', 302));
  fastify.get('/jobs/:id', (request, reply) => reply.redirect(`/m/jobs/${encodeURIComponent(idParam(request))}`, 301));
  fastify.get('/jobs/:id/apply', (request, reply) => reply.redirect(`/m/jobs/${encodeURIComponent(idParam(request))}/apply`, 301));
}

function idParam(request: FastifyRequest): string {
  return String((request.params as { id?: string }).id ?? '').slice(0, 64);
}

async function serveSurface(scope: FastifyInstance, surface: WebSurface, root: string): Promise<void> {
  await scope.register(fastifyStatic, {
    root,
    prefix: surface.prefix,
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders(reply: unknown, path: string) {
      const cache = /[/\\]assets[/\\]/.test(path) ? IMMUTABLE : REVALIDATE;
      (reply as FastifyReply).header('cache-control', cache);
      if (/sw\.js(\.br|\.gz)?$/.test(path)) (reply as FastifyReply).header('service-worker-allowed', surface.prefix);
    },
  });
  // A deep link is a page of the app: send its shell. A missing asset stays a 404.
  scope.get(`${surface.prefix}*`, (request, reply) => {
    const path = request.url.split('?')[0];
    if (/\.[a-z0-9]{1,8}$/i.test(path)) return reply.code(404).type('text/plain; charset=utf-8').send('找不到此文件');
    reply.header('cache-control', REVALIDATE);
    return reply.sendFile('index.html', root);
  });
  scope.get(surface.prefix.replace(/\/$/, ''), (_request, reply) => reply.redirect(surface.prefix, 301));
}

function serveNotBuilt(scope: FastifyInstance, surface: WebSurface): void {
  const html =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${surface.title}</title></head><body><h1>${surface.title}</h1><p>页面尚未生成。请在服务器上运行 <code>npm run build:web</code> 后重新启动。</p></body></html>`;
  const send = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  scope.get(surface.prefix, send);
  scope.get(`${surface.prefix}*`, send);
}
