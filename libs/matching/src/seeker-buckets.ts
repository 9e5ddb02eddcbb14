import { type EntityManager } from 'typeorm';

import { type MatchingWeights } from './matching.settings';
import { ELIGIBLE_SEEKER, PLACE_FLAGS, PLACE_RULES, SCORE, WEIGHT_ORDER } from './matching.sql';

/** Where a seeker lives relative to the job: same village, same township, same county, elsewhere. */
type Locality = 'village' | 'township' | 'county' | 'outside';
/** Why a seeker is a candidate: wants the occupation, has the skill (and does not want it), or only lives in the job's township. */
type Reason = 'occupation' | 'skill' | 'township';

export interface SeekerBucket {
  locality: Locality;
  reason: Reason;
  /** The highest score anyone in the bucket can reach with these weights. */
  bound: number;
  /** match_keys to look up (any of them). */
  keys: string[];
}

const LIGHT_KINDS = ['HOME_BASED', 'PART_TIME', 'PUBLIC_WELFARE'];
const SEP = '\u001f';
/** Seeker traits in match_keys: weak labour capacity (w), must stay near home (m). */
const TRAITS = ['', 'w', 'm', 'wm'];

const LOCALITY_SQL: Record<Locality, string> = {
  village: 's.region_code = j.region_code',
  township: 'left(s.region_code, 9) = left(j.region_code, 9) AND s.region_code <> j.region_code',
  county: 'left(s.region_code, 6) = left(j.region_code, 6) AND left(s.region_code, 9) <> left(j.region_code, 9)',
  outside: 'left(s.region_code, 6) <> left(j.region_code, 6)',
};
const REASON_SQL: Record<Reason, string> = {
  occupation: 's.wanted_occupations && $13::text[]',
  skill: 's.skills && $13::text[] AND NOT s.wanted_occupations && $13::text[]',
  township: 'NOT s.wanted_occupations && $13::text[] AND NOT s.skills && $13::text[] AND s.region_code LIKE $14::text',
};

export interface BucketJob {
  regionCode: string;
  kind: string;
  monthlyWageMax: number | null;
}

/**
 * The candidates of recommendedSeekers split into buckets (where they live × why they are
 * candidates × traits that earn points), each with the best score it can reach and the
 * match_keys that find it (migration SeekerMatchKeys). Together the buckets hold every candidate
 * of RECOMMENDED_SEEKERS_SQL: people who want one of the job's terms, or have it as a skill, or
 * (home-based and public-welfare posts) live in the job's township; for public-welfare posts
 * only through the keys of eligible support groups, since no one else may be offered one.
 * `otherCounties`: the other counties seekers live in (for people willing to leave theirs).
 */
export function seekerBuckets(
  job: BucketJob,
  terms: string[],
  weights: MatchingWeights,
  townshipPattern: string | null,
  eligibleGroups: string[],
  otherCounties: string[],
): SeekerBucket[] {
  const code = job.regionCode;
  const localities: [Locality, string[]][] = [
    ...(code.length === 12 ? ([['village', [code]]] as [Locality, string[]][]) : []),
    ...(code.length >= 9 ? ([['township', [code.slice(0, 9)]]] as [Locality, string[]][]) : []),
    ['county', [code.slice(0, 6)]],
    ['outside', otherCounties.filter((c) => c !== code.slice(0, 6)).map((c) => `out${SEP}${c}`)],
  ];
  const publicWelfare = job.kind === 'PUBLIC_WELFARE';
  const withGroups = (keys: string[]) => (publicWelfare ? keys.flatMap((k) => eligibleGroups.map((g) => `${k}${SEP}${g}`)) : keys);
  const prefix = townshipPattern?.replace(/%$/, '');
  const merged = new Map<string, SeekerBucket>();
  for (const [locality, places] of localities) {
    const nearHomeCounts = job.kind === 'HOME_BASED' || locality === 'village' || locality === 'township';
    for (const traits of TRAITS) {
      const shared =
        (locality === 'village' ? weights.sameVillage : 0) +
        (locality === 'township' ? weights.sameTownship : 0) +
        (job.monthlyWageMax !== null ? weights.wage : 0) +
        (traits.includes('m') && nearHomeCounts ? weights.nearHome : 0) +
        (traits.includes('w') && LIGHT_KINDS.includes(job.kind) ? weights.lightWork : 0) +
        (publicWelfare ? weights.publicWelfare : 0) +
        (locality === 'outside' ? weights.willingToLeave : 0);
      const add = (reason: Reason, bound: number, keys: string[]) => {
        const id = `${locality}/${reason}/${bound}`;
        const bucket = merged.get(id) ?? { locality, reason, bound, keys: [] };
        bucket.keys.push(...withGroups(keys));
        merged.set(id, bucket);
      };
      add(
        'occupation',
        weights.occupation + weights.skill + shared,
        terms.flatMap((t) => places.map((p) => `o${SEP}${t}${SEP}${p}${SEP}${traits}`)),
      );
      add(
        'skill',
        weights.skill + shared,
        terms.flatMap((t) => places.map((p) => `s${SEP}${t}${SEP}${p}${SEP}${traits}`)),
      );
      // Everyone living in the township of a home-based or public-welfare post (the pattern is
      // the township's code, or the county's when the job is placed at county level).
      if (prefix !== undefined && locality !== 'outside' && places[0].startsWith(prefix))
        add(
          'township',
          shared,
          places.map((p) => `a${SEP}${p}${SEP}${traits}`),
        );
    }
  }
  return [...merged.values()].filter((b) => b.keys.length > 0).sort((a, b) => b.bound - a.bound);
}

/**
 * The counties other than `county` that seekers live in: a loose scan of the region prefix
 * index, one probe per county, so people from elsewhere who are willing to come are found.
 */
export async function otherSeekerCounties(manager: EntityManager, county: string): Promise<string[]> {
  const rows = await manager.query<{ county: string }[]>(
    `WITH RECURSIVE c(county) AS (
       (SELECT left(region_code, 6) FROM job_seeker ORDER BY region_code USING ~<~ LIMIT 1)
       UNION ALL
       SELECT (SELECT left(s.region_code, 6) FROM job_seeker s WHERE s.region_code ~>~ (c.county || '999999') ORDER BY s.region_code USING ~<~ LIMIT 1)
         FROM c WHERE c.county IS NOT NULL)
     SELECT county FROM c WHERE county IS NOT NULL AND county <> $1`,
    [county],
  );
  return rows.map((r) => r.county);
}

/** One bucket's best `limit` seekers: the reference query narrowed by a GIN lookup on match_keys and the bucket's conditions. */
const bucketSql = (bucket: SeekerBucket) => `
WITH j AS (SELECT id, region_code, kind, monthly_wage_max, $14::text AS township_pattern FROM job WHERE id = $11::uuid),
c AS (
  SELECT s.id, s.name, s.region_code, s.account_id, s.consent_to_recommend,
         s.wanted_occupations && $13::text[] AS occupation,
         s.skills && $13::text[] AS skill, ${PLACE_FLAGS}
    FROM j, job_seeker s
   WHERE s.match_keys && $15::text[] AND ${LOCALITY_SQL[bucket.locality]} AND ${REASON_SQL[bucket.reason]}
     AND ${ELIGIBLE_SEEKER} AND ${PLACE_RULES}
)
SELECT c.*, ${SCORE} AS score FROM c ORDER BY score DESC, c.id LIMIT $12`;

export interface RankedSeekerRow {
  id: string;
  score: number;
  [column: string]: unknown;
}

/**
 * The best `limit` seekers for a job, best first (score, then id), exactly as
 * RECOMMENDED_SEEKERS_SQL ranks them, without scoring every candidate: buckets are read in
 * order of the best score they could reach, each through its own GIN lookup and only for its
 * own best `limit`, and reading stops once the `limit`-th best so far beats what any remaining
 * bucket could reach. The hard constraints are in every bucket's WHERE.
 */
export async function rankSeekersForJob(
  manager: EntityManager,
  input: {
    job: BucketJob & { id: string };
    terms: string[];
    townshipPattern: string | null;
    weights: MatchingWeights;
    eligibleGroups: string[];
    limit: number;
  },
): Promise<RankedSeekerRow[]> {
  const { job, terms, weights, limit } = input;
  const params = [...WEIGHT_ORDER.map((k) => weights[k]), input.eligibleGroups, job.id, limit, terms, input.townshipPattern];
  const otherCounties = await otherSeekerCounties(manager, job.regionCode.slice(0, 6));
  const best: RankedSeekerRow[] = [];
  const byRank = (a: RankedSeekerRow, b: RankedSeekerRow) => Number(b.score) - Number(a.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const bucket of seekerBuckets(job, terms, weights, input.townshipPattern, input.eligibleGroups, otherCounties)) {
    if (best.length >= limit && Number(best[limit - 1].score) > bucket.bound) break;
    const rows = await manager.query<RankedSeekerRow[]>(bucketSql(bucket), [...params, bucket.keys]);
    const seen = new Set(best.map((r) => r.id));
    best.push(...rows.filter((r) => !seen.has(r.id)));
    best.sort(byRank);
    best.length = Math.min(best.length, limit);
  }
  return best;
}
