import { type ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, getVariableValues, GraphQLError, Kind } from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

import { clip, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@jobcode/common';

/** A paged field costs its page size times what each item costs. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + childComplexity * Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE);
  if ('first' in args) return 1 + childComplexity * DEFAULT_PAGE_SIZE;
  return undefined;
};

const tooCostly = (message: string, details: Record<string, number>) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY', ...details, http: { status: 400 } } });

function operationNotFound(document: DocumentNode, operationName: string | null | undefined): GraphQLError {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  const message = operationName
    ? `请求中没有名为 ${clip(operationName, 60)} 的操作，请核对 operationName`
    : operations > 1
      ? '请求中有多个操作：请用 operationName 指明要执行哪一个（匿名操作只能有一个）'
      : '请求中没有可执行的操作（query 或 mutation）';
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: 'OPERATION_NOT_FOUND', http: { status: 400 } } });
}

/** Costs remembered per document and variables, at most this many per document. */
const REMEMBERED_PER_DOCUMENT = 64;

/**
 * Refuses operations whose estimated cost exceeds the limit before any resolver
 * runs (OWASP GraphQL: cost limits; Apollo has none of its own). The estimate walks the
 * whole document, so it is remembered per parsed document (Apollo hands out the same
 * DocumentNode for the same query text) and variables: a crowd sending one query pays once.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // graphql-js would refuse it at execution, but plugins (idempotency, scan cache) look at the
          // operation before that: refuse here, first, a document whose operation cannot be chosen.
          if (!operation) throw operationNotFound(document, request.operationName);
          let known = costs.get(document);
          if (!known) costs.set(document, (known = new Map()));
          const key = `${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
          let cost = known.get(key);
          if (cost === undefined) {
            // Variables that do not fit the operation are refused here, as execution would (400,
            // BAD_USER_INPUT naming the variable): nothing runs, so there is nothing to cost.
            const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
            if (coerced.errors) {
              const [first] = coerced.errors;
              throw new GraphQLError(first.message, {
                nodes: first.nodes,
                originalError: first.originalError,
                extensions: { ...first.extensions, code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            }
            try {
              cost = getComplexity({
                schema,
                operationName: request.operationName ?? undefined,
                query: document,
                variables: request.variables ?? {},
                estimators: [fieldExtensionsEstimator(), pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch {
              // Fail closed: an operation that cannot be costed (too many nodes to walk) does not run.
              throw tooCostly(`请求过于复杂，无法估算开销（上限 ${maxCost}），请减少字段、别名或片段`, { maxCost });
            }
            if (known.size >= REMEMBERED_PER_DOCUMENT) known.clear();
            known.set(key, cost);
          }
          if (cost > maxCost) {
            throw tooCostly(`请求过于复杂（估算开销 ${cost}，上限 ${maxCost}），请减少字段或每页条数`, { cost, maxCost });
          }
        },
      };
    },
  };
}
