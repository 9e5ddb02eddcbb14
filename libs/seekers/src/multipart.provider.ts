import multipart from '@fastify/multipart';
import { type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type FastifyInstance } from 'fastify';

export const MULTIPART = Symbol('fastify-multipart');

/**
 * Registers @fastify/multipart on the Fastify instance while the modules are built, that is
 * before Nest adds its routes, so the ledger upload route can read `request.file()`. Fastify
 * keeps one registration per instance (the plugin is non-encapsulated and named).
 */
export const multipartProvider: Provider = {
  provide: MULTIPART,
  inject: [HttpAdapterHost],
  useFactory: (host: HttpAdapterHost) => {
    const instance = host.httpAdapter?.getInstance<FastifyInstance>();
    if (instance && !instance.hasContentTypeParser('multipart/form-data')) {
      void instance.register(multipart, { limits: { files: 1, fields: 10, parts: 12 } });
    }
    return true;
  },
};
