import { ModulesContainer } from '@nestjs/core';

import { ALLOW_KEY } from '@jobcode/common';

import { startTestApp, type TestApp } from '../support/test-app';

/** Mirrors twenty's lint rule: every root operation must say who may call it. */
describe('every query and mutation declares who may call it', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => api?.close());

  it('has @Allow on each resolver method that defines a Query or Mutation', () => {
    const undeclared: string[] = [];
    let operations = 0;
    for (const module of api.app.get(ModulesContainer).values()) {
      for (const wrapper of module.providers.values()) {
        const instance = wrapper.instance as object | undefined;
        if (!instance || typeof instance !== 'object') continue;
        const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
          if (typeof method !== 'function') continue;
          const kind = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
          if (kind !== 'Query' && kind !== 'Mutation') continue;
          operations += 1;
          if (!Reflect.getMetadata(ALLOW_KEY, method)) undeclared.push(`${instance.constructor.name}.${name}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(5);
    expect(undeclared).toEqual([]);
  });
});
