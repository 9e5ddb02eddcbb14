import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';

import { conflict, forbidden } from '../errors/app-error';
import { formatGraphQLError } from '../errors/format-graphql-error';

const wrap = (original: unknown) => new GraphQLError('wrapped', { originalError: original as Error });

describe('GraphQL error mapping', () => {
  it('keeps a domain error code, reason and Chinese message', () => {
    const formatted = formatGraphQLError({ message: 'x', path: ['me'] }, wrap(conflict('该手机号已注册', { reason: 'PHONE_TAKEN' })));
    expect(formatted).toEqual({ message: '该手机号已注册', path: ['me'], locations: undefined, extensions: { code: 'CONFLICT', reason: 'PHONE_TAKEN' } });
    expect(formatGraphQLError({ message: 'x' }, wrap(forbidden())).extensions?.code).toBe('FORBIDDEN');
  });

  it('hides unexpected errors: no SQL, no stack, a generic Chinese message', () => {
    const sqlError = Object.assign(new Error('duplicate key value violates unique constraint "account_pkey"'), { stack: 'Error: at Foo (/app/x.js:1)' });
    const formatted = formatGraphQLError({ message: sqlError.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at Foo'] } }, wrap(sqlError));
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reference: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(formatted.message).not.toContain('constraint');
    expect(formatted.message).toBe(`服务器内部错误，请稍后再试；如果一直出现，请联系管理员（错误编号 ${String(formatted.extensions?.reference)}）`);
  });

  it('never puts the internal text in the message, and logs it under the reference the client sees', () => {
    const logged: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
    try {
      const internal = new Error('A query went through another connection while this flow holds an open transaction: SELECT "SupportGroup"');
      const formatted = formatGraphQLError({ message: internal.message, path: ['updateJobSeeker'] }, wrap(internal));
      // No English word in what the person reads; the reference is hex, and 'ebfe0a71' holds four letters.
      expect(formatted.message.replace(String(formatted.extensions?.reference), '')).not.toMatch(/[A-Za-z]{4,}/);
      expect(logged.join('\n')).toContain(`[${String(formatted.extensions?.reference)}] Error: A query went through another connection`);
    } finally {
      spy.mockRestore();
    }
  });

  it('passes validation errors of the request itself through with their code', () => {
    const formatted = formatGraphQLError(
      { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
