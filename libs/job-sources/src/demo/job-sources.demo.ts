import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { demoAdmin, demoCreditCode, DEMO_EMPLOYERS, type DemoRandomSource, demoPoint, Employer, type LibraryDemoStep } from '@jobcode/employers';

import { GigStation, GigStationLevel } from '../gig-station.entity';
import { JobFairKind } from '../job-fair.entity';
import { FairBoothsService } from '../fair-booths.service';
import { GigStationsService } from '../gig-stations.service';
import { JobFairsService } from '../job-fairs.service';
import { WorkshopsService } from '../workshops.service';

const TOWNSHIPS: [string, string][] = [
  ['450329100', '资源镇'],
  ['450329101', '中峰镇'],
  ['450329102', '梅溪镇'],
  ['450329103', '瓜里乡'],
  ['450329200', '车田苗族乡'],
  ['450329201', '两水苗族乡'],
  ['450329202', '河口瑶族乡'],
];

/** Villages that run a 零工驿站 in the demo county (14 of them). */
const STATION_VILLAGES: [string, string][] = [
  ['450329103201', '金江村'],
  ['450329103202', '白竹村'],
  ['450329202201', '猴背村'],
  ['450329202203', '河口村'],
  ['450329100201', '城南村'],
  ['450329100202', '城北村'],
  ['450329101201', '中峰村'],
  ['450329101203', '八坊村'],
  ['450329102201', '梅溪村'],
  ['450329102202', '大湾村'],
  ['450329200201', '车田村'],
  ['450329200203', '龙塘村'],
  ['450329201201', '两水村'],
  ['450329201202', '社水村'],
];

/** Workshops: [employer index in DEMO_EMPLOYERS, village, name, headcount]. */
const WORKSHOPS: [number, string, string, number][] = [
  [9, '450329100203', '石溪头村就业帮扶车间（服装加工）', 48],
  [9, '450329103204', '瓜里村就业帮扶车间（服装加工）', 35],
  [10, '450329200201', '车田村就业帮扶车间（手工编织）', 26],
  [11, '450329200203', '龙塘村苗绣就业帮扶车间', 22],
  [12, '450329102201', '梅溪村就业帮扶车间（制衣）', 40],
  [16, '450329101202', '大庄村就业帮扶车间（电子元件组装）', 55],
  [17, '450329102203', '胡家田村就业帮扶车间（电子线圈绕制）', 30],
  [18, '450329100203', '石溪头村就业帮扶车间（线束加工）', 44],
  [19, '450329102202', '大湾村就业帮扶车间（竹筷加工）', 18],
  [20, '450329102203', '胡家田村竹编就业帮扶车间', 16],
  [5, '450329101202', '大庄村就业帮扶车间（辣椒分拣）', 28],
  [13, '450329201203', '凤水村就业帮扶车间（茶叶分拣）', 20],
];

const HOURS = ['每天 7:00–18:00', '每天 6:30–12:00，14:00–18:00', '周一至周六 8:00–17:30'];

export const jobSourcesDemo: LibraryDemoStep = {
  name: 'job sources',
  async run(app: INestApplicationContext, random: DemoRandomSource): Promise<string> {
    const dataSource = app.get(DataSource);
    if (await dataSource.manager.exists(GigStation, { where: { name: '资源县零工市场' } })) return 'already loaded';
    const admin = await demoAdmin(app);
    const stationService = app.get(GigStationsService);
    const workshopService = app.get(WorkshopsService);
    const fairService = app.get(JobFairsService);
    const boothService = app.get(FairBoothsService);

    const stationInputs = [
      { name: '资源县零工市场', level: GigStationLevel.COUNTY, regionCode: '450329', address: '资源镇城南村人力资源市场一楼' },
      ...TOWNSHIPS.map(([code, name]) => ({ name: `${name}零工中心`, level: GigStationLevel.TOWNSHIP, regionCode: code, address: `${name}党群服务中心一楼` })),
      ...STATION_VILLAGES.map(([code, name]) => ({
        name: `${name}零工驿站`,
        level: GigStationLevel.VILLAGE,
        regionCode: code,
        address: `${name}党群服务中心`,
      })),
    ];
    for (const input of stationInputs) {
      await stationService.createStation(admin, {
        ...input,
        ...demoPoint(input.regionCode === '450329' ? '450329100' : input.regionCode, random),
        openingHours: random.pick(HOURS),
      });
    }

    const employers = await dataSource.manager.find(Employer);
    const byCode = new Map(employers.map((e) => [e.creditCode, e]));
    const employerAt = (index: number) => {
      const employer = byCode.get(demoCreditCode(index));
      if (!employer) throw new Error(`demo employer ${DEMO_EMPLOYERS[index][0]} missing: run the employers step first`);
      return employer;
    };
    for (const [index, village, name, headcount] of WORKSHOPS) {
      const workshop = await workshopService.createWorkshop(admin, {
        employerId: employerAt(index).id,
        name,
        regionCode: village,
        address: `${name.slice(0, 3)}村部旁`,
        headcount,
        ...demoPoint(village, random),
      });
      const month = String(random.int(1, 9)).padStart(2, '0');
      await workshopService.certifyWorkshop(admin, { workshopId: workshop.id, certifiedOn: `2025-${month}-${String(random.int(1, 28)).padStart(2, '0')}` });
    }

    const caravan = await fairService.createCaravan(admin, {
      name: '资源县就业大篷车·送岗下乡',
      countyCode: '450329',
      organiser: '资源县人力资源和社会保障局',
    });
    const start = new Date();
    start.setUTCHours(1, 0, 0, 0); // 09:00 county time
    let fairs = 0;
    for (const [i, [code, name]] of TOWNSHIPS.entries()) {
      const startsAt = new Date(start.getTime() + (3 + i * 4) * 86_400_000);
      const fair = await fairService.createFair(admin, {
        name: `就业大篷车·${name}站`,
        kind: JobFairKind.CARAVAN,
        caravanId: caravan.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 5 * 3_600_000),
        venue: `${name}政府门前广场`,
        regionCode: code,
        organiser: '资源县就业服务中心',
        ...demoPoint(code, random),
      });
      fairs += 1;
      for (const index of pickSome(random, DEMO_EMPLOYERS.length, random.int(5, 9))) {
        await boothService.bookBooth(admin, {
          fairId: fair.id,
          employerId: employerAt(index).id,
          boothNumber: `${String.fromCharCode(65 + (fairs % 3))}${String(index + 1).padStart(2, '0')}`,
          declaredPosts: random.chance(0.4) ? random.int(5, 40) : undefined,
        });
      }
    }
    const springAt = new Date(start.getTime() + 2 * 86_400_000);
    const spring = await fairService.createFair(admin, {
      name: '2026 年资源县春风行动暨就业援助月大型招聘会',
      kind: JobFairKind.SPRING_CAMPAIGN,
      startsAt: springAt,
      endsAt: new Date(springAt.getTime() + 6 * 3_600_000),
      venue: '资源县城南广场',
      regionCode: '450329100',
      organiser: '资源县人力资源和社会保障局',
      ...demoPoint('450329100', random),
    });
    for (const index of pickSome(random, DEMO_EMPLOYERS.length, 24)) {
      await boothService.bookBooth(admin, {
        fairId: spring.id,
        employerId: employerAt(index).id,
        boothNumber: `S${String(index + 1).padStart(2, '0')}`,
        declaredPosts: random.int(10, 60),
      });
    }
    return `${stationInputs.length} gig stations, ${WORKSHOPS.length} certified workshops, a caravan of ${fairs} fairs and a spring-campaign fair`;
  },
};

function pickSome(random: DemoRandomSource, size: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, size)) chosen.add(random.int(0, size - 1));
  return [...chosen];
}
