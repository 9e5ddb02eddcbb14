import { DataSource } from 'typeorm';

import { startTestModule, type TestModule } from '../../../../test/support/test-module';
import { jobTerms, townshipPattern } from '../matching.service';
import { DEFAULT_MATCHING_WEIGHTS, type MatchingWeights } from '../matching.settings';
import { RECOMMENDED_SEEKERS_SQL, WEIGHT_ORDER } from '../matching.sql';
import { rankSeekersForJob } from '../seeker-buckets';

const OCCUPATIONS = ['缝纫工', '普工', '服务员', '保洁员', '来料加工', '司机', '采茶工', '护林员', '电工', '厨师'];
const TOWNSHIPS = ['450329100', '450329101', '450329103', '450329202', '450325100'];
const ELIGIBLE = ['LIFTED_OUT', 'MONITORED'];
const JOBS = [
  { title: '缝纫工', occupation: '缝纫工', kind: 'FULL_TIME', region: '450329100201', wage: 4500 },
  { title: '农家乐服务员', occupation: '服务员', kind: 'PART_TIME', region: '450329202201', wage: 2800 },
  { title: '村道保洁员', occupation: '保洁员', kind: 'PUBLIC_WELFARE', region: '450329103201', wage: 1500 },
  { title: '竹编来料加工', occupation: '来料加工', kind: 'HOME_BASED', region: '450329101', wage: 2000 },
  { title: '护林员', occupation: '护林员', kind: 'PUBLIC_WELFARE', region: '450329202', wage: 1600 },
  { title: '货车司机', occupation: '司机', kind: 'FULL_TIME', region: '450325', wage: 6000 },
  { title: '县城电工', occupation: '电工', kind: 'GIG', region: '450329', wage: 5000 },
];
const FLAT: MatchingWeights = {
  occupation: 10,
  skill: 10,
  sameVillage: 10,
  sameTownship: 10,
  wage: 10,
  nearHome: 10,
  lightWork: 10,
  publicWelfare: 10,
  willingToLeave: 10,
};
const PLACE_FIRST: MatchingWeights = { ...DEFAULT_MATCHING_WEIGHTS, occupation: 5, skill: 0, sameVillage: 60, sameTownship: 40, nearHome: 0 };

let api: TestModule;
let dataSource: DataSource;
const jobIds: string[] = [];

beforeAll(async () => {
  // Ranking is SQL over rows the triggers keep: the database is all this spec needs.
  api = await startTestModule([]);
  dataSource = api.app.get(DataSource);
  // 3000 people in five townships of two counties, with every combination of the traits that score.
  await dataSource.query(
    `INSERT INTO job_seeker (name, id_number_hash, id_number_encrypted, birth_date, sex, phone_hash, phone_encrypted, region_code, labor_capacity,
                             skills, wanted_occupations, wanted_wage, wanted_wage_unit, willing_outside_county, willing_outside_province,
                             must_stay_near_home, consent_to_recommend, employment_status, channel)
     SELECT '匹配' || i, md5('mid' || i) || md5('mi' || i), 'x', date '1980-01-01' + (i % 10000), 'MALE', md5('mp' || i) || md5('mq' || i), 'x',
            ($2::text[])[1 + (i / 7) % 5] || '2' || lpad((i % 3)::text, 2, '0'),
            CASE WHEN i % 23 = 0 THEN 'NONE' WHEN i % 4 = 0 THEN 'WEAK' ELSE 'FULL' END,
            CASE WHEN i % 3 = 0 THEN ARRAY[]::text[] ELSE ARRAY[($1::text[])[1 + (i / 3) % 10]] END,
            ARRAY[($1::text[])[1 + (i / 2) % 10], ($1::text[])[1 + (i / 5) % 10]],
            1500 + (i % 40) * 100, 'MONTH', i % 10 < 3, i % 20 = 0, i % 6 = 0, i % 10 < 8,
            CASE WHEN i % 10 = 9 THEN 'EMPLOYED' ELSE 'UNKNOWN' END, 'IMPORT'
       FROM generate_series(1, 3000) AS i`,
    [OCCUPATIONS, TOWNSHIPS],
  );
  await dataSource.query(
    `INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code)
     SELECT id, CASE WHEN hashtext(name) % 2 = 0 THEN 'LIFTED_OUT' ELSE 'RETURNEE' END FROM job_seeker WHERE name LIKE '匹配%' AND hashtext(name) % 3 = 0`,
  );
  const [{ id: postedBy }] = (await dataSource.query(`SELECT gen_random_uuid() AS id`)) as { id: string }[];
  const [{ id: employerId }] = (await dataSource.query(
    `INSERT INTO employer (name, credit_code, contact_name, contact_phone_encrypted, region_code, address, status, registered_by)
     VALUES ('资源县桶算匹配测试厂', '91450329000000001X', '蒋', 'x', '450329100', '资源镇', 'VERIFIED', $1) RETURNING id`,
    [postedBy],
  )) as { id: string }[];
  for (const job of JOBS) {
    const [{ id }] = (await dataSource.query(
      `INSERT INTO job (employer_id, title, occupation, description, kind, wage_min, wage_max, wage_unit, monthly_wage_min, monthly_wage_max, headcount,
                        region_code, address, latitude, longitude, working_hours, valid_from, valid_to, status, posted_by)
       VALUES (CASE WHEN $3 = 'PUBLIC_WELFARE' THEN NULL ELSE $7::uuid END, $1, $2, '', $3, $4, $4, 'MONTH', $4, $4, 5, $5, '资源县', 26, 110.6, '8:00-17:00',
               current_date, current_date + 30, 'OPEN', $6) RETURNING id`,
      [job.title, job.occupation, job.kind, job.wage, job.region, postedBy, employerId],
    )) as { id: string }[];
    jobIds.push(id);
  }
});
afterAll(async () => api?.close());

const reference = (i: number, weights: MatchingWeights, limit: number) =>
  dataSource.query(RECOMMENDED_SEEKERS_SQL, [
    ...WEIGHT_ORDER.map((k) => weights[k]),
    ELIGIBLE,
    jobIds[i],
    limit,
    jobTerms(JOBS[i]),
    townshipPattern({ kind: JOBS[i].kind, regionCode: JOBS[i].region }),
  ]) as Promise<{ id: string; score: number }[]>;
const bucketed = (i: number, weights: MatchingWeights, limit: number) =>
  rankSeekersForJob(dataSource.manager, {
    job: { id: jobIds[i], regionCode: JOBS[i].region, kind: JOBS[i].kind, monthlyWageMax: JOBS[i].wage },
    terms: jobTerms(JOBS[i]),
    townshipPattern: townshipPattern({ kind: JOBS[i].kind, regionCode: JOBS[i].region }),
    weights,
    eligibleGroups: ELIGIBLE,
    limit,
  });
const ranked = (rows: { id: string; score: number }[]) => rows.map((r) => `${r.id} ${Number(r.score)}`);

describe('recommendedSeekers by buckets returns exactly what scoring every candidate returns', () => {
  it.each([
    ['default weights', DEFAULT_MATCHING_WEIGHTS],
    ['equal weights (many ties)', FLAT],
    ['place before trade', PLACE_FIRST],
  ])('for village, township, county and out-of-county posts of every kind, with %s', async (_, weights) => {
    for (let i = 0; i < JOBS.length; i++) {
      for (const limit of [1, 10, 40]) {
        const expected = await reference(i, weights, limit);
        expect(expected.length).toBeGreaterThan(0);
        expect(ranked(await bucketed(i, weights, limit))).toEqual(ranked(expected));
      }
    }
  });

  it('keeps match keys right through the triggers: consent, employment, traits, wage and support groups', async () => {
    const has = async (name: string, key: string) =>
      (
        (await dataSource.query(`SELECT match_keys @> ARRAY[job_seeker_match_key($2)] AS has FROM job_seeker WHERE name = $1`, [name, key])) as {
          has: boolean;
        }[]
      )[0].has;
    const name = '匹配1';
    await dataSource.query(
      `UPDATE job_seeker SET consent_to_recommend = true, employment_status = 'UNKNOWN', labor_capacity = 'WEAK', must_stay_near_home = false,
              wanted_occupations = ARRAY['缝纫工'], wanted_wage = 150, wanted_wage_unit = 'DAY', region_code = '450329100201' WHERE name = $1`,
      [name],
    );
    await dataSource.query(`DELETE FROM job_seeker_support_group WHERE job_seeker_id = (SELECT id FROM job_seeker WHERE name = $1)`, [name]);
    // 150 a day is 3300 a month: band 4.
    const key = (place: string, suffix = '') => ['o', '缝纫工', place, 'w', '4'].join('\u001f') + suffix;
    for (const place of ['450329', '450329100', '450329100201']) expect(await has(name, key(place))).toBe(true);
    expect(await has(name, ['a', '450329100', 'w', '4'].join('\u001f'))).toBe(true);
    expect(await has(name, key('450329', '\u001fMONITORED'))).toBe(false);
    await dataSource.query(`INSERT INTO job_seeker_support_group (job_seeker_id, support_group_code) SELECT id, 'MONITORED' FROM job_seeker WHERE name = $1`, [
      name,
    ]);
    expect(await has(name, key('450329', '\u001fMONITORED'))).toBe(true);
    await dataSource.query(`DELETE FROM job_seeker_support_group WHERE job_seeker_id = (SELECT id FROM job_seeker WHERE name = $1)`, [name]);
    expect(await has(name, key('450329', '\u001fMONITORED'))).toBe(false);
    await dataSource.query(`UPDATE job_seeker SET employment_status = 'EMPLOYED' WHERE name = $1`, [name]);
    expect(await has(name, key('450329'))).toBe(false);
  });
});
