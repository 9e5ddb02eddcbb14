import { type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLRequestListener, type GraphQLResponse, HeaderMap } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import type { RequestContext } from '@jobcode/common';

const CONDITIONAL = new Set(['include', 'skip']);
const ENTRIES = 1_000;

/** The fields a cached response may contain, by GraphQL type. */
export type CacheableFields = ReadonlyMap<string, ReadonlySet<string>>;

/** Merges field lists by type (several target kinds list the same shared types). */
export function cacheableFields(...lists: Readonly<Record<string, readonly string[]>>[]): CacheableFields {
  const merged = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const [type, fields] of Object.entries(list)) {
      const set = merged.get(type) ?? new Set<string>();
      for (const field of fields) set.add(field);
      merged.set(type, set);
    }
  }
  return merged;
}

interface CacheableQuery {
  field: FieldNode;
  definition: GraphQLField<unknown, unknown>;
}

interface Analysis {
  allowed: CacheableFields;
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Fragments on object types outside the list, under an abstract type, cannot apply to a cacheable result (see skipsOtherMembers). */
  skipsOtherMembers: boolean;
}

/** Does this selection ask only for cacheable fields? */
function onlyCacheable(a: Analysis, type: GraphQLNamedType, set: SelectionSetNode, seen: Set<string>): boolean {
  for (const selection of set.selections) {
    if (selection.directives?.some((d) => !CONDITIONAL.has(d.name.value))) return false;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (!isObjectType(type) || !a.allowed.get(type.name)?.has(name)) return false;
      const definition = type.getFields()[name];
      if (!definition) return false;
      if (selection.selectionSet && !onlyCacheable(a, getNamedType(definition.type), selection.selectionSet, seen)) return false;
      continue;
    }
    let inner: SelectionSetNode;
    let condition: string | undefined;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = selection.selectionSet;
      condition = selection.typeCondition?.name.value;
    } else {
      const fragment = a.fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen = new Set(seen).add(fragment.name.value);
      inner = fragment.selectionSet;
      condition = fragment.typeCondition.name.value;
    }
    const target = condition ? a.schema.getType(condition) : type;
    if (!target) return false;
    if (a.skipsOtherMembers && isAbstractType(type) && isObjectType(target) && !a.allowed.has(target.name)) continue;
    if (!onlyCacheable(a, target, inner, seen)) return false;
  }
  return true;
}

/**
 * A whole GraphQL result of an anonymous query of one root field, kept per document and
 * arguments under a version read from the database on every request (scan_target_version and
 * the county date, see ServiceCodesService.resolve): a hit skips field resolution; any
 * committed change to what the answer shows, in any API process, changes the version and the
 * next request executes afresh. Signed-in callers are never served from it, nor documents
 * asking for a field outside `allowed()`, whose data the version does not cover.
 *
 * Subclasses (decorated `@Plugin()`) name the root field and the fields covered, and read the
 * version for the request's arguments.
 */
export abstract class VersionedResponseCache implements ApolloServerPlugin<RequestContext> {
  private readonly analysed = new WeakMap<OperationDefinitionNode, CacheableQuery | null>();
  private readonly entries = new Map<string, { version: string; data: Record<string, unknown> }>();

  /** The query's one root field. */
  protected abstract readonly rootField: string;
  /**
   * Whether a fragment on an object type outside the list, inside an abstract type, may be
   * ignored: true only where every result the cache keeps has a listed type (the scan union,
   * cached only for versioned targets).
   */
  protected readonly skipsOtherMembers: boolean = false;

  /** The fields covered by the version (read once, at the first request). */
  protected abstract allowed(): CacheableFields;

  /**
   * The version the answer for these arguments depends on, and what besides the document
   * identifies the answer; null when this request is not to be cached.
   */
  protected abstract versionOf(args: Record<string, unknown>, request: GraphQLRequestContext<RequestContext>): Promise<{ key: string; version: string } | null>;

  private allowedFields?: CacheableFields;

  private analyse(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CacheableQuery | null {
    if (operation.operation !== 'query' || operation.directives?.length) return null;
    const fields = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
    const field = fields[0];
    if (fields.length !== 1 || field.kind !== Kind.FIELD || field.name.value !== this.rootField || field.directives?.length) return null;
    const query = schema.getQueryType();
    const definition = query?.getFields()[this.rootField];
    if (!query || !definition) return null;
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const allowed = (this.allowedFields ??= this.allowed());
    return onlyCacheable({ allowed, schema, fragments, skipsOtherMembers: this.skipsOtherMembers }, query, operation.selectionSet, new Set())
      ? { field, definition }
      : null;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    let pending: { key: string; version: string } | undefined;
    return {
      responseForOperation: async (request): Promise<GraphQLResponse | null> => {
        const { schema, document, operation, contextValue, queryHash } = request;
        if (contextValue.actor || contextValue.authError) return null;
        let query = this.analysed.get(operation);
        if (query === undefined) this.analysed.set(operation, (query = this.analyse(schema, document, operation)));
        if (!query) return null;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(query.definition, query.field, request.request.variables);
        } catch {
          return null;
        }
        const answer = await this.versionOf(args, request);
        if (!answer) return null;
        const key = `${queryHash}\n${request.request.operationName ?? ''}\n${answer.key}`;
        const entry = this.entries.get(key);
        if (entry?.version === answer.version) {
          // Most recently used last: the oldest entry is the one evicted.
          this.entries.delete(key);
          this.entries.set(key, entry);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: entry.data } } };
        }
        pending = { key, version: answer.version };
        return null;
      },
      willSendResponse: async ({ response }) => {
        if (!pending || response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (errors?.length || !data) return;
        this.entries.delete(pending.key);
        if (this.entries.size >= ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
        this.entries.set(pending.key, { version: pending.version, data });
      },
    };
  }
}
