import { type ResolvedPeriod } from './period';
import { StatsGroupBy } from './stats-group-by';

/**
 * placementStats read from the rollup tables (migration PlacementRollup1795362000000) instead of the
 * placement rows. The rollup holds exact people and placement counts per year, span, support group,
 * dimension and home village; spans are a whole year, a quarter, a half year or a month.
 */

/** Span codes of the rollup: 0 year, 1–12 month, 21–24 quarter, 31/32 half year. */
const QUARTERS: Record<string, number> = { '1-3': 21, '4-6': 22, '7-9': 23, '10-12': 24, '1-6': 31, '7-12': 32, '1-12': 0 };

export interface RollupSpan {
  year: number;
  span: number;
  fromMonth: number;
  toMonth: number;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The rollup span a period is, or null when it is not a whole year, half, quarter or month. */
export function rollupSpanOf(period: ResolvedPeriod): RollupSpan | null {
  const [fy, fm, fd] = period.from.split('-').map(Number);
  const [ty, tm, td] = period.to.split('-').map(Number);
  if (fy !== ty || fd !== 1 || td !== lastDayOfMonth(ty, tm)) return null;
  const span = fm === tm ? fm : QUARTERS[`${fm}-${tm}`];
  return span === undefined ? null : { year: fy, span, fromMonth: fm, toMonth: tm };
}

/** Person-mask columns of placement_rollup_person and the dimension value each counts. */
const MASKS: [string, string, string][] = [
  ['total', 'TOTAL', ''],
  ['in_county', 'DESTINATION', 'IN_COUNTY'],
  ['in_province', 'DESTINATION', 'IN_PROVINCE'],
  ['out_of_province', 'DESTINATION', 'OUT_OF_PROVINCE'],
  ['contract', 'SOURCE', 'CONTRACT'],
  ['gig', 'SOURCE', 'GIG'],
  ['public_welfare', 'SOURCE', 'PUBLIC_WELFARE'],
  ['workshop', 'SOURCE', 'WORKSHOP'],
  ['self_found', 'SOURCE', 'SELF_FOUND'],
  ['transferred_out', 'SOURCE', 'TRANSFERRED_OUT'],
];
const UNPIVOT = `(VALUES ${MASKS.map(([column, kind, key]) => `('${kind}', '${key}', s.${column})`).join(', ')}) u(kind, key, months)`;

export type RollupGroupBy = StatsGroupBy.DESTINATION | StatsGroupBy.SOURCE | StatsGroupBy.TOWNSHIP | StatsGroupBy.SUPPORT_GROUP | null;

/** Whether the rollup can answer this question (else the placement rows are read). */
export function rollupAnswers(groupBy: StatsGroupBy | null, supportGroup: string | null): boolean {
  if (groupBy === StatsGroupBy.EMPLOYER) return false;
  // Groups of people of one group, by all their groups, would need group pairs.
  if (groupBy === StatsGroupBy.SUPPORT_GROUP && supportGroup) return false;
  // '*' and 'NONE' are the rollup's own keys; as a filter they name no real group.
  if (supportGroup === '*' || supportGroup === 'NONE') return false;
  return true;
}

function keyOf(groupBy: RollupGroupBy): string {
  if (groupBy === StatsGroupBy.DESTINATION || groupBy === StatsGroupBy.SOURCE) return 'r.key';
  if (groupBy === StatsGroupBy.TOWNSHIP) return 'left(r.region_code, 9)';
  if (groupBy === StatsGroupBy.SUPPORT_GROUP) return 'r.grp';
  return `''`;
}

/**
 * Both periods' figures per key. $1 year, $2 span codes, $3 group ('*' everyone), $4 kind, $5 region prefix.
 * Rows: key, year, span, people, placements (summed over villages).
 */
export function rollupSql(groupBy: RollupGroupBy): string {
  const grp = groupBy === StatsGroupBy.SUPPORT_GROUP ? `r.grp <> '*' AND $3::text IS NOT NULL` : 'r.grp = $3';
  return `
SELECT ${keyOf(groupBy)} AS key, r.year::int AS year, r.span::int AS span, sum(r.people)::int AS people, sum(r.placements)::int AS placements
  FROM placement_rollup r
 WHERE r.year IN ($1::smallint, ($1 - 1)::smallint) AND r.span = ANY($2::smallint[]) AND ${grp} AND r.kind = $4 AND r.region_code LIKE $5
 GROUP BY 1, 2, 3`;
}

/**
 * People counted twice by the village sums: someone with placements under n > 1 home villages
 * (inside the region and the key) in one year is in n village rows. Same parameters; rows:
 * key, year, span, overcount.
 */
export function moverCorrectionSql(groupBy: RollupGroupBy): string {
  const support = groupBy === StatsGroupBy.SUPPORT_GROUP;
  const key =
    groupBy === StatsGroupBy.DESTINATION || groupBy === StatsGroupBy.SOURCE
      ? 'u.key'
      : groupBy === StatsGroupBy.TOWNSHIP
        ? 'left(s.region_code, 9)'
        : support
          ? 'g.grp'
          : `''`;
  const codes = `coalesce((SELECT rg.codes FROM placement_rollup_groups rg WHERE rg.job_seeker_id = s.job_seeker_id), ARRAY['NONE']::varchar[])`;
  const groups = support ? `CROSS JOIN LATERAL unnest(${codes}) AS g(grp)` : '';
  const grp = support ? '$3::text IS NOT NULL' : `($3 = '*' OR $3 = ANY(${codes}))`;
  return `
SELECT key, year, span, sum(n - 1)::int AS overcount
  FROM (SELECT ${key} AS key, s.year::int AS year, sp.span::int AS span, s.job_seeker_id, count(*) AS n
          FROM placement_rollup_mover mv
          JOIN placement_rollup_person s ON s.job_seeker_id = mv.job_seeker_id AND s.year = mv.year
         CROSS JOIN LATERAL ${UNPIVOT}
          JOIN placement_rollup_span sp ON sp.span = ANY($2::smallint[]) AND u.months & sp.mask <> 0
          ${groups}
         WHERE mv.year IN ($1::smallint, ($1 - 1)::smallint) AND s.region_code LIKE $5 AND u.kind = $4 AND ${grp}
         GROUP BY 1, 2, 3, 4) per_person
 WHERE n > 1
 GROUP BY 1, 2, 3`;
}

export const ROLLUP_HORIZON_SQL = 'SELECT horizon_year::int AS horizon FROM placement_rollup_state';
