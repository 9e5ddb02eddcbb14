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
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('constraint');
    expect(formatted.message).toContain('服务器内部错误');
  });

  it('passes validation errors of the request itself through with their code', () => {
    const formatted = formatGraphQLError(
      { message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('x'),
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
