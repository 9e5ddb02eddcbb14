import { type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DataSource } from 'typeorm';

import { COUNTY_TODAY_SQL, type RequestContext } from '@jobcode/common';

import { FreshReads } from './fresh-reads';
import { CACHEABLE_SCAN_FIELDS } from './scan-response-cache';

/**
 * The fields a cached job list may contain: the list's own, and a job's fields that the scan
 * cache already lists as covered by the target version (the job row, its shifts, its employer),
 * plus `source`: with the list filtered by one station, workshop or fair, every job's source is
 * that target itself (a job has at most one source), whose own changes bump the version.
 */
const ALLOWED = new Map<string, Set<string>>([
  ['Query', new Set(['jobs'])],
  ['JobConnection', new Set(['edges', 'pageInfo'])],
  ['JobEdge', new Set(['cursor', 'node'])],
  ['PageInfo', new Set(['endCursor', 'hasNextPage'])],
  ['Job', new Set([...CACHEABLE_SCAN_FIELDS.Job, 'source'])],
  ...['JobBenefits', 'JobShift', 'Employer', 'GigStation', 'Workshop', 'JobFair', 'JobFairTotals', 'Region'].map(
    (type) => [type, new Set(CACHEABLE_SCAN_FIELDS[type])] as [string, Set<string>],
  ),
]);
const CONDITIONAL = new Set(['include', 'skip']);
const ENTRIES = 1_000;
/** The filters naming one job source, whose scan_target_version covers every job listed under it. */
const SOURCE_ARGS = ['stationId', 'workshopId', 'fairId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION_SQL = `SELECT coalesce((SELECT version FROM scan_target_version WHERE target_id = $1), 0) || ':' || ${COUNTY_TODAY_SQL} AS version`;

interface CacheableList {
  field: FieldNode;
  definition: GraphQLField<unknown, unknown>;
}

function onlyCacheable(
  fragments: Map<string, FragmentDefinitionNode>,
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  set: SelectionSetNode,
  seen: Set<string>,
): boolean {
  for (const selection of set.selections) {
    if (selection.directives?.some((d) => !CONDITIONAL.has(d.name.value))) return false;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') continue;
      if (!isObjectType(type) || !ALLOWED.get(type.name)?.has(name)) return false;
      const definition = type.getFields()[name];
      if (!definition) return false;
      if (selection.selectionSet && !onlyCacheable(fragments, schema, getNamedType(definition.type), selection.selectionSet, seen)) return false;
      continue;
    }
    let inner: SelectionSetNode;
    let condition: string | undefined;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = selection.selectionSet;
      condition = selection.typeCondition?.name.value;
    } else {
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen = new Set(seen).add(fragment.name.value);
      inner = fragment.selectionSet;
      condition = fragment.typeCondition.name.value;
    }
    const target = condition ? schema.getType(condition) : type;
    if (!target || !onlyCacheable(fragments, schema, target, inner, seen)) return false;
  }
  return true;
}

function analyse(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CacheableList | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const fields = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  const field = fields[0];
  if (fields.length !== 1 || field.kind !== Kind.FIELD || field.name.value !== 'jobs' || field.directives?.length) return null;
  const query = schema.getQueryType();
  const definition = query?.getFields().jobs;
  if (!query || !definition) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return onlyCacheable(fragments, schema, query, operation.selectionSet, new Set()) ? { field, definition } : null;
}

/**
 * 岗位列表响应缓存: the whole GraphQL result of an anonymous `jobs(stationId | workshopId | fairId: …)`
 * (the list a station's, workshop's or fair's QR page opens on), kept per document and variables
 * under the source's scan_target_version and the county date, validated the way ScanResponseCache
 * validates a scan: one indexed statement reads the version (shared by concurrent requests, FreshReads); any committed change to
 * the source, its jobs, their shifts or employers, in any API process, changes it, and so does
 * midnight (jobs open and expire by the county date). Signed-in callers (employers and staff see
 * other jobs and other employer fields) are never served from it, nor documents asking for
 * fields the version does not cover (eligibleSupportGroups, flags…).
 */
@Plugin()
export class SourceJobsResponseCache implements ApolloServerPlugin<RequestContext> {
  private readonly analysed = new WeakMap<OperationDefinitionNode, CacheableList | null>();
  private readonly entries = new Map<string, { version: string; data: Record<string, unknown> }>();

  /** Version reads coalesced per source (never answered from a read that began before the request asked): a crowd costs one statement per round trip. */
  private readonly versions = new FreshReads<string, string>(
    async (sourceId) => ((await this.dataSource.query(VERSION_SQL, [sourceId])) as { version: string }[])[0].version,
  );

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    let pending: { key: string; version: string } | undefined;
    return {
      responseForOperation: async ({ schema, document, operation, request, contextValue, queryHash }): Promise<GraphQLResponse | null> => {
        if (contextValue.actor || contextValue.authError) return null;
        let list = this.analysed.get(operation);
        if (list === undefined) this.analysed.set(operation, (list = analyse(schema, document, operation)));
        if (!list) return null;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(list.definition, list.field, request.variables);
        } catch {
          return null;
        }
        const sources = SOURCE_ARGS.map((name) => args[name]).filter((v) => v != null);
        if (sources.length !== 1 || typeof sources[0] !== 'string' || !UUID.test(sources[0])) return null;
        const version = await this.versions.get(sources[0]);
        const key = `${queryHash}\n${request.operationName ?? ''}\n${JSON.stringify(args)}`;
        const entry = this.entries.get(key);
        if (entry?.version === version) {
          // Most recently used last: the oldest entry is the one evicted.
          this.entries.delete(key);
          this.entries.set(key, entry);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: entry.data } } };
        }
        pending = { key, version };
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
