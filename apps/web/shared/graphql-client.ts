import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

import { ApiError, describeHttpFailure, OFFLINE_MESSAGE } from './api-error';
import type { Session } from './session';

/** A document generated from schema.graphql by codegen (documentMode: 'string'): its text and its types. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string };
}

export interface RequestOptions {
  /** Mutations that create something: the same key replays the first answer (see the API README). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Sends one typed operation to /graphql with the surface's session; throws ApiError with the API's Chinese message. */
export function createClient(session: Session) {
  async function request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...[variables, options]: TVariables extends Record<string, never>
      ? [variables?: TVariables, options?: RequestOptions]
      : [variables: TVariables, options?: RequestOptions]
  ): Promise<TResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = session.token.value;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options?.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let response: Response;
    try {
      response = await fetch(`${location.origin}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        signal: options?.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError('OFFLINE', OFFLINE_MESSAGE);
    }
    let body: { data?: TResult | null; errors?: GraphQLErrorBody[] };
    try {
      body = (await response.json()) as typeof body;
    } catch {
      throw describeHttpFailure(response.status);
    }
    const first = body.errors?.[0];
    if (first) {
      const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
      if (code === 'UNAUTHENTICATED' && token) session.clear();
      throw new ApiError(code, first.message, first.extensions?.field, first.extensions?.reason);
    }
    if (!body.data) throw describeHttpFailure(response.status);
    return body.data;
  }
  return { request };
}

export type GraphQLClient = ReturnType<typeof createClient>;
