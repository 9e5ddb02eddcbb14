/**
 * The posts (招聘人数) a job fair offers — one definition for `jobFair.totals`, each booth's
 * `posts`, `fairStats` and the fair ledger:
 * - a booth brings the headcount of its employer's published jobs at the fair (any status but
 *   DRAFT: a job filled or closed since was still offered there); a booth without such jobs
 *   brings the posts it declared (0 if none);
 * - published jobs at the fair of organisations without a booth add their headcount.
 */
export const FAIR_POSTS_DEFINITION =
  '提供岗位数：每个展位计其单位在该招聘会已发布岗位（不含草稿）的招聘人数之和，尚未录入岗位的展位计其申报的岗位数；另加没有展位的单位在该招聘会发布的岗位的招聘人数';

/** SQL for the posts of the booth aliased `booth` (a fair_booth row). */
export function boothPostsSql(booth: string): string {
  return `(SELECT CASE WHEN count(j.id) > 0 THEN sum(j.headcount) ELSE coalesce(${booth}.declared_posts, 0) END
             FROM job j WHERE j.fair_id = ${booth}.fair_id AND j.employer_id = ${booth}.employer_id AND j.status <> 'DRAFT')`;
}

/** SQL for the posts of the fair whose id is the SQL expression `fairId`, as an int. */
export function fairPostsSql(fairId: string): string {
  return `((SELECT coalesce(sum(${boothPostsSql('fb')}), 0) FROM fair_booth fb WHERE fb.fair_id = ${fairId})
          + (SELECT coalesce(sum(j.headcount), 0) FROM job j
              WHERE j.fair_id = ${fairId} AND j.status <> 'DRAFT'
                AND NOT EXISTS (SELECT 1 FROM fair_booth fb WHERE fb.fair_id = j.fair_id AND fb.employer_id = j.employer_id)))::int`;
}
