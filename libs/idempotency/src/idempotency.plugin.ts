import { type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Extensions } from '@nestjs/graphql';
import { Logger } from '@nestjs/common';
import { type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';

import { ErrorCode, type RequestContext } from '@jobcode/common';
import { currentWriteScope, type WriteScope } from '@jobcode/database';

import { IDEMPOTENCY_LEASE_SECONDS, IdempotencyService } from './idempotency.service';

/** The HTTP header a client sends with a mutation it may retry. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on a response that replays the first answer to a key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/**
 * Field extension (`@Extensions({ [NO_IDEMPOTENCY_KEY]: true })`) for mutations whose answers
 * must never be stored or replayed — sign-in, tokens, password changes, authenticator secrets.
 */
export const NO_IDEMPOTENCY_KEY = 'noIdempotencyKey';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Refusals raised by a resolver before it changed anything: the transaction rolled back, a retry may run again. */
const NOTHING_CHANGED: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.RATE_LIMITED,
]);

type Refusal = { status: number; error: GraphQLFormattedError };

const refusal = (status: number, code: ErrorCode, reason: string, message: string): Refusal => ({
  status,
  error: { message, extensions: { code, reason } },
});

/**
 * `Idempotency-Key` for every mutation of a signed-in account: the first request with a key
 * runs and its answer is kept for 24 hours; the same request with the same key gets that
 * answer again (header `Idempotent-Replayed: true`) without running twice, even from another
 * API process; the same key with a different request is refused (409, CONFLICT). The key is
 * claimed only once every other check of the request has passed (cost, depth), just before
 * execution. An answer is forgotten only when a single mutation was refused before it changed
 * anything (a domain error on the root field), so the corrected request may reuse the key; any
 * other answer — partial success, a failure after a commit, a server error — is kept, as Stripe
 * does. Anonymous requests (sign-up, sign-in) and mutations marked NO_IDEMPOTENCY_KEY ignore the header.
 */
@Plugin()
export class IdempotencyPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger(IdempotencyPlugin.name);

  constructor(private readonly idempotency: IdempotencyService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    let claimed: { accountId: string; key: string; rootFields: number } | undefined;
    let lease: NodeJS.Timeout | undefined;
    let scope: WriteScope | undefined;
    const { idempotency, logger } = this;
    return {
      async responseForOperation(requestContext) {
        const key = requestContext.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
        const actor = requestContext.contextValue.actor;
        const operation = requestContext.operation;
        if (key === undefined || !actor || operation.operation !== 'mutation') return null;
        const rootFields = rootFieldNames(operation);
        if (rootFields.some((name) => optedOut(requestContext.schema, name))) return null;
        if (!KEY_PATTERN.test(key)) {
          return errorResponse(
            refusal(400, ErrorCode.BAD_USER_INPUT, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key 应为 1 到 255 个可见 ASCII 字符（建议用 UUID）'),
          );
        }
        const result = await idempotency.claim({
          accountId: actor.accountId,
          key,
          operationName: requestContext.request.operationName ?? null,
          query: requestContext.source,
          variables: requestContext.request.variables,
        });
        switch (result.kind) {
          case 'claimed': {
            claimed = { accountId: actor.accountId, key, rootFields: rootFields.length };
            // The claim is a lease: renewed while this request runs, it lapses soon after a crash, and
            // the key is usable again unless the work had committed (marked in its own transaction).
            const held = { accountId: actor.accountId, key };
            lease = setInterval(() => void idempotency.renewLease(held.accountId, held.key).catch(() => undefined), (IDEMPOTENCY_LEASE_SECONDS * 1000) / 3);
            lease.unref();
            scope = currentWriteScope();
            if (scope) scope.onWrite = (runner) => idempotency.markWorkCommitted(held.accountId, held.key, runner);
            return null;
          }
          case 'replay': {
            const headers = new HeaderMap();
            headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
            return { http: { headers }, body: { kind: 'single', singleResult: result.response as FormattedExecutionResult } };
          }
          case 'mismatch':
            return errorResponse(refusal(409, ErrorCode.CONFLICT, 'IDEMPOTENCY_KEY_REUSED', '这个 Idempotency-Key 已用于另一个请求；新的操作请换一个新的键'));
          case 'in-progress':
            return errorResponse(
              refusal(
                409,
                ErrorCode.CONFLICT,
                'IDEMPOTENCY_KEY_IN_PROGRESS',
                !result.abandoned && result.sinceSeconds < 60
                  ? '使用同一 Idempotency-Key 的请求正在处理，请稍后重试'
                  : '使用同一 Idempotency-Key 的上一次请求没有完成，结果未知：请先查看是否已经办理成功，再用新的键重试',
              ),
            );
        }
      },

      async willSendResponse({ response }) {
        if (lease) clearInterval(lease);
        if (scope) scope.onWrite = undefined;
        if (!claimed) return;
        const { accountId, key, rootFields } = claimed;
        const body = response.body;
        try {
          if (body.kind === 'single' && !refusedBeforeChanging(body.singleResult, rootFields)) {
            await idempotency.complete(accountId, key, body.singleResult);
          } else {
            await idempotency.release(accountId, key);
          }
        } catch (error) {
          logger.error(`Could not record the answer to an idempotency key of account ${accountId}: ${(error as Error).message}`);
          // Better a retry that runs again than a key stuck "in progress" for a day.
          await idempotency.release(accountId, key).catch(() => undefined);
        }
      },
    };
  }
}

function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}

function optedOut(schema: GraphQLSchema, fieldName: string): boolean {
  return schema.getMutationType()?.getFields()[fieldName]?.extensions?.[NO_IDEMPOTENCY_KEY] === true;
}

/** A single mutation refused by its resolver with a domain error: nothing was written. */
function refusedBeforeChanging(result: FormattedExecutionResult, rootFields: number): boolean {
  const errors = result.errors ?? [];
  if (rootFields !== 1 || errors.length === 0) return false;
  return errors.every((error) => error.path?.length === 1 && NOTHING_CHANGED.has(String(error.extensions?.code)));
}

function errorResponse({ status, error }: Refusal) {
  return { http: { status, headers: new HeaderMap() }, body: { kind: 'single' as const, singleResult: { errors: [error] } } };
}

/** Marks a mutation whose answer must never be stored or replayed (tokens, passwords, authenticator secrets). */
export const NoIdempotencyKey = () => Extensions({ [NO_IDEMPOTENCY_KEY]: true });
