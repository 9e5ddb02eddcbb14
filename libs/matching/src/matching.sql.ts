import { COUNTY_TODAY_SQL } from '@jobcode/common';

/**
 * The matching queries, kept together so a reviewer can read them. Hard constraints are in
 * WHERE (never violated); soft reasons are booleans, and the score is their weighted sum.
 * Parameters: $1..$9 the weights in WEIGHT_ORDER, $10 the support groups eligible for
 * public-welfare posts, $11 the job or seeker id, $12 the number of rows; for seekers also
 * $13 the job's terms (its occupation, title and their words) and $14 a region-code LIKE
 * pattern of extra candidates, or null. The candidate test uses only parameters so that the
 * planner can OR two GIN index scans and a prefix index scan instead of reading every seeker.
 */
export const WEIGHT_ORDER = ['occupation', 'skill', 'sameVillage', 'sameTownship', 'wage', 'nearHome', 'lightWork', 'publicWelfare', 'willingToLeave'] as const;

/** Monthly equivalent of what a seeker wants (DAY × 22, HOUR × 176, MONTH as is; PIECE is not comparable). */
const WANTED_MONTHLY = `(CASE s.wanted_wage_unit WHEN 'MONTH' THEN s.wanted_wage WHEN 'DAY' THEN s.wanted_wage * 22 WHEN 'HOUR' THEN s.wanted_wage * 176 END)`;

/** Reasons that depend on place, pay and circumstances, for a seeker `s` and a job `j`. */
export const PLACE_FLAGS = `
  s.region_code = j.region_code AS same_village,
  left(s.region_code, 9) = left(j.region_code, 9) AS same_township,
  coalesce(j.monthly_wage_max >= ${WANTED_MONTHLY}, false) AS wage,
  s.must_stay_near_home AND (j.kind = 'HOME_BASED' OR left(s.region_code, 9) = left(j.region_code, 9)) AS near_home,
  s.labor_capacity = 'WEAK' AND j.kind IN ('HOME_BASED', 'PART_TIME', 'PUBLIC_WELFARE') AS light_work,
  j.kind = 'PUBLIC_WELFARE' AS public_welfare,
  left(s.region_code, 6) <> left(j.region_code, 6) AS willing_to_leave`;

/** Never broken: the seeker goes only where they said they would, stays near home if they must, and public-welfare posts go only to eligible groups. */
export const PLACE_RULES = `
  (left(s.region_code, 6) = left(j.region_code, 6)
     OR (s.willing_outside_county AND (left(s.region_code, 2) = left(j.region_code, 2) OR s.willing_outside_province)))
  AND (NOT s.must_stay_near_home OR j.kind = 'HOME_BASED' OR left(s.region_code, 9) = left(j.region_code, 9))
  AND (j.kind <> 'PUBLIC_WELFARE'
       OR EXISTS (SELECT 1 FROM job_seeker_support_group g WHERE g.job_seeker_id = s.id AND g.support_group_code = ANY($10::text[])))`;

export const SCORE = `(
  $1::int * occupation::int + $2::int * skill::int + $3::int * same_village::int + $4::int * (same_township AND NOT same_village)::int
  + $5::int * wage::int + $6::int * near_home::int + $7::int * light_work::int + $8::int * public_welfare::int + $9::int * willing_to_leave::int)`;

/** Who may be recommended at all: consented, able to work, not recorded as employed. */
export const ELIGIBLE_SEEKER = `s.consent_to_recommend AND s.labor_capacity <> 'NONE' AND s.employment_status <> 'EMPLOYED'`;

/**
 * Seekers for one job, best first, in one statement that scores every candidate: the
 * reference for rankSeekersForJob (seeker-buckets.ts), which returns the same rows without
 * scoring them all; tests and the matching benchmark hold the two to each other. Only people who consented to be recommended, can work
 * and are not recorded as employed. Candidates are people whose wanted occupations or skills
 * overlap the job's terms (GIN on both arrays); for home-based and public-welfare posts,
 * where who needs the work matters more than the trade, also everyone in the job's township
 * ($14 = '<township>%').
 */
export const RECOMMENDED_SEEKERS_SQL = `
WITH j AS (SELECT id, region_code, kind, monthly_wage_max FROM job WHERE id = $11::uuid),
c AS (
  SELECT s.id, s.name, s.region_code, s.account_id, s.consent_to_recommend,
         s.wanted_occupations && $13::text[] AS occupation,
         s.skills && $13::text[] AS skill, ${PLACE_FLAGS}
    FROM j, job_seeker s
   WHERE (s.wanted_occupations && $13::text[] OR s.skills && $13::text[] OR s.region_code LIKE $14::text)
     AND ${ELIGIBLE_SEEKER} AND ${PLACE_RULES}
)
SELECT c.*, ${SCORE} AS score FROM c ORDER BY score DESC, c.id LIMIT $12`;

/** Open jobs for one seeker, best first (a wanted occupation or skill matches when the job's title or occupation contains it). */
export const RECOMMENDED_JOBS_SQL = `
WITH s AS (SELECT * FROM job_seeker WHERE id = $11::uuid),
c AS (
  SELECT j.id, j.published_at,
         EXISTS (SELECT 1 FROM unnest(s.wanted_occupations) w WHERE strpos(j.title, w) > 0 OR strpos(j.occupation, w) > 0 OR strpos(w, j.occupation) > 0) AS occupation,
         EXISTS (SELECT 1 FROM unnest(s.skills) k WHERE strpos(j.title, k) > 0 OR strpos(j.occupation, k) > 0 OR strpos(k, j.occupation) > 0) AS skill,
         ${PLACE_FLAGS}
    FROM s, job j
   WHERE j.status = 'OPEN' AND j.valid_to >= ${COUNTY_TODAY_SQL}
     AND ${PLACE_RULES}
)
SELECT c.*, ${SCORE} AS score FROM c ORDER BY score DESC, c.published_at DESC NULLS LAST, c.id LIMIT $12`;
