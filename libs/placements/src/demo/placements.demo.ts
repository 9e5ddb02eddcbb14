import { type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { inTransaction } from '@jobcode/database';
import { type RandomSource } from '@jobcode/seekers';

import { destinationOf } from '../destination';
import { Placement } from '../placement.entity';
import { PlacementSource } from '../placement.enums';

/** Where the demo county's people work: Guangdong factories, Guilin, Nanning, and at home. */
const WORKPLACES: readonly [string, string, number][] = [
  ['441900', '东莞市电子厂', 30],
  ['440300', '深圳市制衣厂', 12],
  ['450305', '桂林市七星区物流园', 10],
  ['4501', '南宁市建筑工地', 6],
  ['450329100', '资源镇农产品加工厂', 22],
  ['450329103201', '金江村番茄基地', 20],
];

function pickWorkplace(random: RandomSource): [string, string] {
  const total = WORKPLACES.reduce((sum, [, , weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [code, name, weight] of WORKPLACES) {
    roll -= weight;
    if (roll < 0) return [code, name];
  }
  return [WORKPLACES[0][0], WORKPLACES[0][1]];
}

function date(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Placements in 2025 and 2026 for about two thirds of the demo seekers; idempotent (skips when its own exist). */
export const placementsDemoStep = {
  name: 'placements',
  async run(app: INestApplicationContext, random: RandomSource): Promise<string> {
    const dataSource = app.get(DataSource);
    // Only this step writes self-found, shuttle and workshop placements; contracts and gigs earlier in the demo write their own.
    const [existing] = (await dataSource.query(`SELECT count(*)::int AS n FROM placement WHERE source IN ('SELF_FOUND', 'TRANSFERRED_OUT', 'WORKSHOP')`)) as {
      n: number;
    }[];
    if (existing.n > 0) return `${existing.n} already there`;
    const seekers = (await dataSource.query(`SELECT id::text, region_code FROM job_seeker WHERE labor_capacity <> 'NONE' ORDER BY id`)) as {
      id: string;
      region_code: string;
    }[];
    // Certified workshops employ people of their own township (就近就业).
    const workshops = (await dataSource.query(
      `SELECT id::text, name, region_code, employer_id::text FROM workshop WHERE status = 'CERTIFIED' ORDER BY id`,
    )) as { id: string; name: string; region_code: string; employer_id: string | null }[];
    const rows: Partial<Placement>[] = [];
    for (const seeker of seekers) {
      const nearby = workshops.filter((w) => w.region_code.slice(0, 9) === seeker.region_code.slice(0, 9));
      for (const year of [2025, 2026]) {
        if (!random.chance(0.6)) continue;
        if (nearby.length > 0 && random.chance(0.15)) {
          const workshop = nearby[random.int(0, nearby.length - 1)];
          rows.push({
            jobSeekerId: seeker.id,
            homeRegionCode: seeker.region_code,
            workplaceRegionCode: workshop.region_code,
            workplaceName: workshop.name,
            destination: destinationOf(seeker.region_code, workshop.region_code),
            source: PlacementSource.WORKSHOP,
            workshopId: workshop.id,
            employerId: workshop.employer_id,
            startDate: date(year, random.int(1, year === 2026 ? 10 : 12), random.int(1, 28)),
            endDate: null,
            monthlyIncome: random.int(20, 35) * 100,
          });
          continue;
        }
        const [workplace, name] = pickWorkplace(random);
        const start = date(year, random.int(1, year === 2026 ? 10 : 12), random.int(1, 28));
        const endMonth = random.int(Number(start.slice(5, 7)), 12);
        const ended = random.chance(0.4);
        rows.push({
          jobSeekerId: seeker.id,
          homeRegionCode: seeker.region_code,
          workplaceRegionCode: workplace,
          workplaceName: name,
          destination: destinationOf(seeker.region_code, workplace),
          source: random.chance(0.15) ? PlacementSource.TRANSFERRED_OUT : PlacementSource.SELF_FOUND,
          startDate: start,
          endDate: ended ? date(year, endMonth, 28) : null,
          monthlyIncome: random.int(25, 70) * 100,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await inTransaction(dataSource, (manager) => manager.insert(Placement, rows.slice(i, i + 1000)));
    }
    return `${rows.length} placements for ${seekers.length} seekers with labour capacity`;
  },
};
