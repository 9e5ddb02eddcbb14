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
/** Bands of the wanted monthly wage in match_keys (see migration SeekerMatchKeys). */
const WAGE_BANDS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'h', 'x'];

/** Whether someone in a wanted-wage band can be paid what they want by a job paying `wage` a month. */
function wageReachable(band: string, wage: number | null): boolean {
  if (wage === null || band === 'x') return false;
  if (band === 'h') return wage > 10_000;
  return (Number(band) - 1) * 1000 < wage;
}

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
    for (const [traitSet, paid] of TRAITS.flatMap((t) => [true, false].map((p) => [t, p] as const))) {
      const bands = WAGE_BANDS.filter((b) => wageReachable(b, job.monthlyWageMax) === paid);
      if (bands.length === 0) continue;
      const traitKeys = bands.map((b) => `${traitSet}${SEP}${b}`);
      const traits = traitSet;
      const shared =
        (locality === 'village' ? weights.sameVillage : 0) +
        (locality === 'township' ? weights.sameTownship : 0) +
        (paid ? weights.wage : 0) +
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
        terms.flatMap((t) => places.flatMap((p) => traitKeys.map((k) => `o${SEP}${t}${SEP}${p}${SEP}${k}`))),
      );
      add(
        'skill',
        weights.skill + shared,
        terms.flatMap((t) => places.flatMap((p) => traitKeys.map((k) => `s${SEP}${t}${SEP}${p}${SEP}${k}`))),
      );
      // Everyone living in the township of a home-based or public-welfare post (the pattern is
      // the township's code, or the county's when the job is placed at county level).
      if (prefix !== undefined && locality !== 'outside' && places[0].startsWith(prefix))
        add(
          'township',
          shared,
          places.flatMap((p) => traitKeys.map((k) => `a${SEP}${p}${SEP}${k}`)),
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

/**
 * The best `limit` seekers among those found by any of the keys ($15, hashed as the trigger
 * hashes them): the reference query with one GIN lookup in front of its candidate test. The
 * candidate test and the hard constraints are all here, so a hash collision changes nothing.
 */
const ROUND_SQL = `
WITH j AS (SELECT id, region_code, kind, monthly_wage_max, $14::text AS township_pattern FROM job WHERE id = $11::uuid),
c AS (
  SELECT s.id, s.name, s.region_code, s.account_id, s.consent_to_recommend,
         s.wanted_occupations && $13::text[] AS occupation,
         s.skills && $13::text[] AS skill, ${PLACE_FLAGS}
    FROM j, job_seeker s
   WHERE s.match_keys && (SELECT array_agg(job_seeker_match_key(k)) FROM unnest($15::text[]) AS k)
     -- IS TRUE: checked on the rows found, never as index scans of its own (the keys are far narrower).
     AND (s.wanted_occupations && $13::text[] OR s.skills && $13::text[] OR s.region_code LIKE $14::text) IS TRUE
     AND ${ELIGIBLE_SEEKER} AND ${PLACE_RULES}
)
SELECT c.*, ${SCORE} AS score FROM c ORDER BY score DESC, c.id LIMIT $12`;

/** How far below the best reachable score the first round reads; later rounds go down to what the list needs. */
const FIRST_ROUND_SPAN = 20;

export interface RankedSeekerRow {
  id: string;
  score: number;
  [column: string]: unknown;
}

/**
 * The best `limit` seekers for a job, best first (score, then id), exactly as
 * RECOMMENDED_SEEKERS_SQL ranks them, without scoring every candidate. Buckets are read in
 * rounds, best reachable score first, each round one statement over the union of its buckets'
 * keys. After a round, nobody unread can beat the `limit`-th best so far unless their bucket's
 * bound reaches that score, so the next round reads exactly those buckets (bound ≥ that score,
 * ties included for the id order), or, while the list is not full, the next span of bounds.
 * The hard constraints are in every round's WHERE.
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
  const pending = seekerBuckets(job, terms, weights, input.townshipPattern, input.eligibleGroups, otherCounties);
  const best: RankedSeekerRow[] = [];
  const byRank = (a: RankedSeekerRow, b: RankedSeekerRow) => Number(b.score) - Number(a.score) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  let floor = pending.length ? pending[0].bound - FIRST_ROUND_SPAN : 0;
  while (pending.length) {
    const full = best.length >= limit;
    if (full) floor = Number(best[limit - 1].score);
    const round = pending.filter((b) => b.bound >= floor);
    if (round.length === 0) {
      if (full) break;
      floor = pending[0].bound - FIRST_ROUND_SPAN;
      continue;
    }
    pending.splice(0, pending.length, ...pending.filter((b) => b.bound < floor));
    const keys = [...new Set(round.flatMap((b) => b.keys))];
    const rows = await manager.query<RankedSeekerRow[]>(ROUND_SQL, [...params, keys]);
    const seen = new Set(best.map((r) => r.id));
    best.push(...rows.filter((r) => !seen.has(r.id)));
    best.sort(byRank);
    best.length = Math.min(best.length, limit);
    if (!full && best.length < limit) floor -= FIRST_ROUND_SPAN;
  }
  return best;
}
