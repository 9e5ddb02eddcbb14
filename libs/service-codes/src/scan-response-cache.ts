import { type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse, HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
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

import { ScanService } from './scan.service';

/**
 * The fields a cached scan response may contain: exactly those whose data the target version
 * covers (the target row, its jobs, their shifts and booked slots, a fair's booths, the jobs'
 * employers; regions never change). A document that asks for anything else (a job's source,
 * an employer's other jobs, a fair's booths, policy groups…) is executed as usual every time.
 * Listed by hand on purpose: a field added later is not cached until someone checks that the
 * version covers it.
 */
export const CACHEABLE_SCAN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['scan'],
  GigStationScan: ['station', 'jobs', 'openJobCount', 'board'],
  WorkshopScan: ['workshop', 'jobs', 'openJobCount'],
  JobFairScan: ['fair', 'jobs', 'openJobCount'],
  JobScan: ['job'],
  ScannedJob: ['job', 'distanceKm'],
  GigBoardEntry: ['job', 'shift'],
  Job: [
    'address',
    'benefits',
    'contractTerm',
    'createdAt',
    'description',
    'employer',
    'headcount',
    'id',
    'kind',
    'latitude',
    'longitude',
    'monthlyWageMax',
    'monthlyWageMin',
    'occupation',
    'occupationCode',
    'publishedAt',
    'region',
    'requirements',
    'shifts',
    'status',
    'title',
    'updatedAt',
    'validFrom',
    'validTo',
    'wageMax',
    'wageMin',
    'wageUnit',
    'workingHours',
  ],
  JobBenefits: ['board', 'lodging', 'socialInsurance', 'transport'],
  JobShift: [
    'bookedCount',
    'cancelReason',
    'date',
    'dayPay',
    'endTime',
    'id',
    'instantHiring',
    'jobId',
    'meetingPoint',
    'meetingStationId',
    'pieceRate',
    'slots',
    'slotsLeft',
    'startTime',
    'status',
  ],
  Employer: ['address', 'contactName', 'contactPhone', 'createdAt', 'creditCode', 'id', 'name', 'region', 'rejectionReason', 'reviewedAt', 'status'],
  GigStation: ['address', 'id', 'latitude', 'level', 'longitude', 'name', 'openingHours', 'region'],
  Workshop: ['address', 'certifiedOn', 'headcount', 'id', 'latitude', 'longitude', 'name', 'region', 'revocationReason', 'status'],
  JobFair: ['endsAt', 'id', 'kind', 'latitude', 'longitude', 'name', 'organiser', 'region', 'startsAt', 'totals', 'venue'],
  JobFairTotals: ['employers', 'posts'],
  Region: ['code', 'fullName', 'level', 'name', 'parentCode'],
};

const ALLOWED = new Map(Object.entries(CACHEABLE_SCAN_FIELDS).map(([type, fields]) => [type, new Set(fields)]));
const CONDITIONAL = new Set(['include', 'skip']);
const ENTRIES = 1_000;

interface CacheableScan {
  field: FieldNode;
  definition: GraphQLField<unknown, unknown>;
}

interface Entry {
  version: string;
  data: Record<string, unknown>;
}

/** Does this selection ask only for cacheable fields? Fragments on other members of a union never apply to a cacheable scan's result. */
function onlyCacheable(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
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
      if (selection.selectionSet && !onlyCacheable(schema, fragments, getNamedType(definition.type), selection.selectionSet, seen)) return false;
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
    if (!target) return false;
    // On the scan union, `... on SeekerScan { … }` cannot apply to a station's, workshop's, fair's or job's scan.
    if (isAbstractType(type) && isObjectType(target) && !ALLOWED.has(target.name)) continue;
    if (!onlyCacheable(schema, fragments, target, inner, seen)) return false;
  }
  return true;
}

function analyse(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CacheableScan | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const fields = operation.selectionSet.selections.filter((s) => !(s.kind === Kind.FIELD && s.name.value === '__typename'));
  const field = fields[0];
  if (fields.length !== 1 || field.kind !== Kind.FIELD || field.name.value !== 'scan' || field.directives?.length) return null;
  const query = schema.getQueryType();
  const definition = query?.getFields().scan;
  if (!query || !definition) return null;
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return onlyCacheable(schema, fragments, query, operation.selectionSet, new Set()) ? { field, definition } : null;
}

/**
 * 扫码响应缓存: the whole GraphQL result of an anonymous `scan` of a station, workshop, fair or
 * job (the crowd at a fair), kept per code, document and variables under the target version
 * read with the token. A hit costs that one indexed statement and skips field resolution; any
 * change to what the scan shows, committed in any API process, changes the version, and the
 * next scan executes afresh. Signed-in callers (ranked jobs, staff views) are never served
 * from it, nor documents asking for fields the version does not cover.
 */
@Plugin()
export class ScanResponseCache implements ApolloServerPlugin<RequestContext> {
  private readonly analysed = new WeakMap<OperationDefinitionNode, CacheableScan | null>();
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly scans: ScanService) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    let pending: { key: string; version: string } | undefined;
    return {
      responseForOperation: async ({ schema, document, operation, request, contextValue, queryHash }): Promise<GraphQLResponse | null> => {
        if (contextValue.actor || contextValue.authError) return null;
        let scan = this.analysed.get(operation);
        if (scan === undefined) this.analysed.set(operation, (scan = analyse(schema, document, operation)));
        if (!scan) return null;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(scan.definition, scan.field, request.variables);
        } catch {
          return null;
        }
        if (typeof args.token !== 'string' || args.atFairId != null) return null;
        let resolved;
        try {
          // The same resolution the resolver gets (once per request): the scan is recorded once.
          resolved = await this.scans.open(args.token, contextValue, 'GRAPHQL');
        } catch {
          return null; // the resolver raises the same error
        }
        if (resolved.kind !== 'active' || !resolved.targetVersion) return null;
        const key = `${resolved.code.id}\n${queryHash}\n${request.operationName ?? ''}\n${JSON.stringify(request.variables ?? {})}`;
        const entry = this.entries.get(key);
        if (entry?.version === resolved.targetVersion) {
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: entry.data } } };
        }
        pending = { key, version: resolved.targetVersion };
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
