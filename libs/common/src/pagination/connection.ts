import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';

import { badInput } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `每页条数，默认 ${DEFAULT_PAGE_SIZE}，最多 ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: '上一页最后一条的 cursor' })
  after?: string;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** How many match in all, not only on this page. */
  totalCount: number;
}

/** Builds the Relay connection and edge types for a node type: `Connection(Job, 'Job')` → JobEdge. */
export function Connection<T>(nodeType: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => nodeType)
    node: T;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: '符合条件的总数（全部页，不只是这一页）' })
    totalCount: number;
  }
  return ConnectionType;
}

/** Clamps a requested page size: default when absent, refused when not positive, capped at the maximum. */
export function clampPageSize(first: number | undefined | null, max = MAX_PAGE_SIZE): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) throw badInput(`每页条数应为 1 到 ${max} 之间的整数`, { field: 'first' });
  return Math.min(first, max);
}

/**
 * Keys cursors are signed with: the newest signs, any of them verifies (an app process and the
 * test apps beside it in one process). Until `useCursorKey` is called, a key of this process.
 */
const cursorKeys: Buffer[] = [randomBytes(32)];
let configured = false;

/** Signs cursors with a key derived from a secret every API process shares (set once at boot). */
export function useCursorKey(secret: string): void {
  const key = createHmac('sha256', secret).update('jobcode-cursor-v1').digest();
  if (!configured) cursorKeys.length = 0;
  configured = true;
  if (!cursorKeys.some((k) => k.equals(key))) cursorKeys.unshift(key);
}

const tagOf = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest().subarray(0, 16);

/**
 * Cursors are opaque to clients: base64url of the sort-key values of the last row, then a MAC.
 * A cursor is only ever one the service issued, so its values go to SQL as they came out of it:
 * a crafted one ([1e999], text where a UUID belongs) is refused whole, in one place.
 */
export function encodeCursor(values: readonly unknown[]): string {
  const payload = Buffer.from(JSON.stringify(values)).toString('base64url');
  return `${payload}.${tagOf(payload, cursorKeys[0]).toString('base64url')}`;
}

export function decodeCursor(cursor: string | undefined | null, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  const dot = cursor.indexOf('.');
  if (dot > 0 && cursor.length <= 4_096) {
    const payload = cursor.slice(0, dot);
    const tag = Buffer.from(cursor.slice(dot + 1), 'base64url');
    if (tag.length === 16 && cursorKeys.some((key) => timingSafeEqual(tag, tagOf(payload, key)))) {
      try {
        const values: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (Array.isArray(values) && values.length === arity) return values;
      } catch {
        // fall through to the refusal below
      }
    }
  }
  throw badInput('分页参数 after 无效，请从第一页重新开始', { field: 'after', reason: 'INVALID_CURSOR' });
}

/**
 * Turns rows fetched with `limit + 1` into a connection: the extra row only tells
 * whether a next page exists. `totalCount` is required: a page a person pages through says
 * how many there are in all (count with the filters, before the cursor).
 */
export function toConnection<R, N>(
  rows: R[],
  limit: number,
  cursorOf: (row: R) => readonly unknown[],
  toNode: (row: R) => N,
  totalCount: number,
): ConnectionShape<N> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}
