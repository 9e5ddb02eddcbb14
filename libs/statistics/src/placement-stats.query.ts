import { StatsGroupBy } from './stats-group-by';

/**
 * The SQL behind placementStats, kept in one place so a reviewer can read it.
 * A placement counts in a period when it overlaps it: start_date <= to AND (end_date IS NULL OR end_date >= from).
 * $1 from, $2 to, $3 previous from, $4 previous to, $5 region prefix ('%' for everywhere), $6 support group or null.
 */
const OVERLAPS_CURRENT = `(p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $1::date))`;
const OVERLAPS_PREVIOUS = `(p.start_date <= $4::date AND (p.end_date IS NULL OR p.end_date >= $3::date))`;

/** Rows of the region that overlap [previous from, to], which holds both periods; FILTER picks each. */
const SCOPE = `p.home_region_code LIKE $5
  AND p.start_date <= $2::date AND (p.end_date IS NULL OR p.end_date >= $3::date)
  AND ($6::varchar IS NULL OR EXISTS (SELECT 1 FROM job_seeker_support_group sg WHERE sg.job_seeker_id = p.job_seeker_id AND sg.support_group_code = $6))`;

/**
 * Per person first (a hash aggregate on job_seeker_id), then counted: cheaper than
 * count(DISTINCT …), which sorts every row.
 */
const PER_PERSON = `count(*) FILTER (WHERE ${OVERLAPS_CURRENT}) AS n_cur, count(*) FILTER (WHERE ${OVERLAPS_PREVIOUS}) AS n_prev`;
const COUNTED = `count(*) FILTER (WHERE n_cur > 0)::int AS people, coalesce(sum(n_cur), 0)::int AS placements,
       count(*) FILTER (WHERE n_prev > 0)::int AS previous_people, coalesce(sum(n_prev), 0)::int AS previous_placements`;

/** Totals of both periods in one scan. */
export const TOTAL_SQL = `
SELECT ${COUNTED}
  FROM (SELECT p.job_seeker_id, ${PER_PERSON} FROM placement p WHERE ${SCOPE} GROUP BY p.job_seeker_id) per_person`;

const KEY: Record<Exclude<StatsGroupBy, StatsGroupBy.MONTH | StatsGroupBy.SUPPORT_GROUP>, string> = {
  DESTINATION: 'p.destination',
  SOURCE: 'p.source',
  TOWNSHIP: 'substr(p.home_region_code, 1, 9)',
  EMPLOYER: `coalesce(p.employer_id::text, 'NONE')`,
};

/** Groups of both periods in one scan; rows: key, people, placements, previous_people, previous_placements. */
export function groupSql(groupBy: StatsGroupBy): string {
  if (groupBy === StatsGroupBy.MONTH) {
    // One row per placement and month it overlaps, months of both periods; the caller splits them.
    return `
SELECT key, count(*)::int AS people, sum(n)::int AS placements
  FROM (SELECT to_char(m.month, 'YYYY-MM') AS key, p.job_seeker_id, count(*) AS n
          FROM placement p
          JOIN (SELECT generate_series(date_trunc('month', $1::date), $2::date, interval '1 month')::date AS month
                UNION ALL
                SELECT generate_series(date_trunc('month', $3::date), $4::date, interval '1 month')::date) m
            ON p.start_date <= (m.month + interval '1 month' - interval '1 day')::date AND (p.end_date IS NULL OR p.end_date >= m.month)
         WHERE ${SCOPE}
         GROUP BY 1, 2) per_person
 GROUP BY key`;
  }
  const key = groupBy === StatsGroupBy.SUPPORT_GROUP ? `coalesce(g.support_group_code, 'NONE')` : KEY[groupBy];
  const join = groupBy === StatsGroupBy.SUPPORT_GROUP ? 'LEFT JOIN job_seeker_support_group g ON g.job_seeker_id = p.job_seeker_id' : '';
  return `
SELECT key, ${COUNTED}
  FROM (SELECT ${key} AS key, p.job_seeker_id, ${PER_PERSON} FROM placement p ${join} WHERE ${SCOPE} GROUP BY 1, 2) per_person
 GROUP BY key`;
}
