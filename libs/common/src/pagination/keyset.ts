import { type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

import { badInput } from '../errors/app-error';
import { clampPageSize, type ConnectionShape, decodeCursor, toConnection } from './connection';

/** The SQL type a sort key's cursor value is cast back to (the cursor carries it as text). */
export type KeysetType = 'timestamptz' | 'date' | 'uuid' | 'text';

/** One sort key: a column (or expression) of the query and its type. */
export interface KeysetKey {
  column: string;
  type: KeysetType;
}

/** The order of a list: its keys, the last one unique (the id), all in one direction. */
export interface KeysetOrder {
  keys: readonly [KeysetKey, ...KeysetKey[]];
  direction: 'ASC' | 'DESC';
}

/** What a client sends to page through a list. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
}

/** One request's page: its size, and the sort-key values of the last row already seen. */
export interface KeysetPage {
  limit: number;
  after: string[] | undefined;
}

const SHAPE: Record<KeysetType, RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  text: /^[^]{0,200}$/,
};

/**
 * Reads `first` and `after` of a keyset-paged list: the page size (clamped) and the cursor's
 * values, one per sort key, each checked against its type, so a cursor another list issued is
 * refused like a crafted one. Lists written in SQL by hand fetch `limit + 1` rows after these
 * values and hand them to `toConnection`; lists built with a query builder use `keysetConnection`.
 */
export function keysetPage(page: PageRequest, types: readonly KeysetType[]): KeysetPage {
  const limit = clampPageSize(page.first);
  const values = decodeCursor(page.after, types.length);
  if (values && !values.every((value, i) => typeof value === 'string' && SHAPE[types[i]].test(value))) {
    throw badInput('分页参数 after 无效，请从第一页重新开始', { field: 'after', reason: 'INVALID_CURSOR' });
  }
  return { limit, after: values as string[] | undefined };
}

/** A key's value as the cursor keeps it: timestamps to the microsecond (a JS Date keeps milliseconds, and rows written by one statement share a timestamp). */
const cursorText = (key: KeysetKey) =>
  key.type === 'timestamptz' ? `to_char(${key.column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `(${key.column})::text`;

/**
 * One page of a list built with a query builder (filters already applied): counts the matches,
 * continues after the cursor in `order`, fetches `limit + 1` rows and returns the connection.
 * The query must select one entity without joins (one raw row per entity).
 */
export async function keysetConnection<E extends ObjectLiteral, N>(
  qb: SelectQueryBuilder<E>,
  page: PageRequest,
  order: KeysetOrder,
  toNode: (row: E) => N,
): Promise<ConnectionShape<N>> {
  const { keys, direction } = order;
  const { limit, after } = keysetPage(
    page,
    keys.map((k) => k.type),
  );
  const totalCount = await qb.clone().getCount();
  if (after) {
    const columns = keys.map((k) => k.column).join(', ');
    const values = keys.map((k, i) => `CAST(:keyset${i} AS ${k.type})`).join(', ');
    qb.andWhere(`(${columns}) ${direction === 'DESC' ? '<' : '>'} (${values})`, Object.fromEntries(after.map((v, i) => [`keyset${i}`, v])));
  }
  keys.forEach((k, i) => {
    qb.addSelect(cursorText(k), `keyset_${i}`);
    if (i === 0) qb.orderBy(k.column, direction);
    else qb.addOrderBy(k.column, direction);
  });
  const { entities, raw } = await qb.limit(limit + 1).getRawAndEntities<Record<string, string>>();
  if (entities.length !== raw.length) throw new Error('keysetConnection: the query must return one row per entity (no joins)');
  const cursors = new Map(entities.map((entity, i) => [entity, keys.map((_k, j) => raw[i][`keyset_${j}`])]));
  return toConnection(entities, limit, (row) => cursors.get(row) ?? [], toNode, totalCount);
}
