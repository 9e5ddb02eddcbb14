import { type ApolloServerPlugin, type GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { badInput, conflict, type RequestContext } from '@jobcode/common';

import { IdempotencyService } from './idempotency.service';

/** The HTTP header a client sends with a mutation it may retry. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Set on a response that replays the first answer to a key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` for every mutation of a signed-in account: the first request with a key
 * runs and its answer is kept for 24 hours; the same request with the same key gets that
 * answer again (header `Idempotent-Replayed: true`) without running twice, even from another
 * API process; the same key with a different request is refused (CONFLICT). An answer that
 * changed nothing (every mutation field null: refused or failed) is not kept, so a retry runs
 * again. Anonymous requests (sign-up, sign-in) ignore the header: they have no account to
 * scope the key to.
 */
@Plugin()
export class IdempotencyPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly logger = new Logger(IdempotencyPlugin.name);

  constructor(private readonly idempotency: IdempotencyService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    let claimed: { accountId: string; key: string } | undefined;
    let replay: unknown;
    const idempotency = this.idempotency;
    const logger = this.logger;
    return {
      async didResolveOperation({ operation, request, contextValue, source }) {
        if (operation?.operation !== 'mutation') return;
        const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
        const actor = contextValue.actor;
        if (key === undefined || !actor) return;
        if (!KEY_PATTERN.test(key)) {
          throw badInput('Idempotency-Key 应为 1 到 255 个可见 ASCII 字符（建议用 UUID）', { reason: 'INVALID_IDEMPOTENCY_KEY' });
        }
        const result = await idempotency.claim({
          accountId: actor.accountId,
          key,
          operationName: request.operationName ?? null,
          query: source,
          variables: request.variables,
        });
        switch (result.kind) {
          case 'claimed':
            claimed = { accountId: actor.accountId, key };
            return;
          case 'replay':
            replay = result.response;
            return;
          case 'mismatch':
            throw conflict('这个 Idempotency-Key 已用于另一个请求；新的操作请换一个新的键', { reason: 'IDEMPOTENCY_KEY_REUSED' });
          case 'in-progress':
            throw conflict(
              result.sinceSeconds < 60
                ? '使用同一 Idempotency-Key 的请求正在处理，请稍后重试'
                : '使用同一 Idempotency-Key 的上一次请求没有完成，结果未知：请先查看是否已经办理成功，再用新的键重试',
              { reason: 'IDEMPOTENCY_KEY_IN_PROGRESS' },
            );
        }
      },

      async responseForOperation() {
        if (replay === undefined) return null;
        const headers = new HeaderMap();
        headers.set(IDEMPOTENT_REPLAYED_HEADER, 'true');
        return { http: { headers }, body: { kind: 'single', singleResult: replay as Record<string, unknown> } };
      },

      async willSendResponse({ response }) {
        if (!claimed) return;
        const { accountId, key } = claimed;
        const body = response.body;
        const data = body.kind === 'single' ? body.singleResult.data : undefined;
        const changedSomething = data !== null && data !== undefined && Object.values(data).some((value) => value !== null);
        try {
          if (body.kind === 'single' && changedSomething) await idempotency.complete(accountId, key, body.singleResult);
          else await idempotency.release(accountId, key);
        } catch (error) {
          logger.error(`Could not record the answer to idempotency key of account ${accountId}: ${(error as Error).message}`);
        }
      },
    };
  }
}
