import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, createBrotliCompress, createGzip, gzip } from 'node:zlib';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every HTML page the process serves (the scan page, and the web
 * pages under /m/, /e/, /s/): scripts, styles, fonts and workers only from this origin; inline
 * style attributes allowed (Vue, Vant and Element set them), inline scripts not; images and
 * media also from data: and blob: URLs (photos picked on a phone); no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Responses smaller than this are sent as they are: compressing them saves less than it costs. */
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|graphql-response\+json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function encodingFor(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const accepted = String(request.headers['accept-encoding'] ?? '').toLowerCase();
  const allows = (name: string) => new RegExp(`(^|,)\\s*${name}\\s*(;\\s*q=(?!0(\\.0*)?\\s*(,|$))[\\d.]+)?\\s*(,|$)`).test(accepted);
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return undefined;
}

function addVary(reply: FastifyReply, value: string): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (
    !current
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(value.toLowerCase())
  )
    reply.header('vary', current ? `${current}, ${value}` : value);
}

/**
 * One hook for every response of the process, pages added later included: protective headers
 * (nosniff and a same-origin referrer everywhere; on HTML also the CSP, no framing, an isolated
 * opener) and compression of text bodies (brotli or gzip, as the client accepts), skipped for a
 * body that is already encoded (precompressed static files), too small, or has no body.
 */
export function installResponseProtection(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload: unknown) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    const type = String(reply.getHeader('content-type') ?? '');
    if (/^text\/html/i.test(type)) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-frame-options', 'DENY');
      reply.header('cross-origin-opener-policy', 'same-origin');
    }
    if (!COMPRESSIBLE.test(type) || request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (reply.getHeader('content-encoding') !== undefined) return payload;
    addVary(reply, 'Accept-Encoding');
    const encoding = encodingFor(request);
    if (!encoding) return payload;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      if (body.length < MIN_COMPRESS_BYTES) return payload;
      const compressed = encoding === 'br' ? await brotli(body, BROTLI) : await gzipped(body);
      reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      return compressed;
    }
    if (payload instanceof Readable) {
      reply.header('content-encoding', encoding);
      reply.removeHeader('content-length');
      return payload.pipe(encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip());
    }
    return payload;
  });
}
