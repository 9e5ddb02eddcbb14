import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { countyToday } from '@jobcode/common';
import { demoAdmin, demoCreditCode, DEMO_EMPLOYERS, type DemoRandomSource, demoPoint, Employer, type LibraryDemoStep } from '@jobcode/employers';
import { FairBooth, GigStation, Workshop } from '@jobcode/job-sources';

import { type PostJobInput } from '../dto/post-job.input';
import { Job } from '../job.entity';
import { JobKind, WageUnit } from '../job.enums';
import { JobShiftsService } from '../job-shifts.service';
import { JobsService } from '../jobs.service';

/** [title, occupation, GB/T 6565 code, description, kind, unit, wage min, wage max, hours, benefits (board, lodging, transport, insurance)]. */
type Template = [string, string, string | null, string, JobKind, WageUnit, number, number, string, [boolean, boolean, boolean, boolean]];

const { FULL_TIME, PART_TIME, GIG, HOME_BASED } = JobKind;
const { MONTH, DAY, HOUR, PIECE } = WageUnit;
const FARM_HOURS = '7:00–11:30，14:30–18:00';
const FACTORY_HOURS = '8:00–12:00，13:30–17:30，周日休息';

const TEMPLATES: Record<string, Template[]> = {
  tomato: [
    ['番茄采摘工', '采摘工', '5-01-02-01', '在番茄大棚采摘成熟番茄，按要求分级装筐，日结工资。', GIG, DAY, 110, 150, FARM_HOURS, [true, false, false, false]],
    ['番茄分拣包装工', '农产品分拣工', null, '番茄分拣、称重、装箱、贴标，计件另有奖励。', PART_TIME, DAY, 100, 130, FARM_HOURS, [true, false, false, false]],
    [
      '大棚管护员',
      '蔬菜园艺工',
      '5-01-02-01',
      '负责番茄大棚整枝、打叉、施肥、病虫害巡查，有种植经验者优先。',
      FULL_TIME,
      MONTH,
      2800,
      3600,
      FARM_HOURS,
      [true, true, false, false],
    ],
  ],
  chilli: [
    ['辣椒采摘工', '采摘工', '5-01-02-01', '朝天椒采摘，按斤计价，多劳多得，当天结算。', GIG, PIECE, 1, 2, FARM_HOURS, [true, false, false, false]],
    [
      '辣椒烘干操作工',
      '农产品初加工工',
      null,
      '操作辣椒烘干设备，翻料、出料，厂里提供培训。',
      FULL_TIME,
      MONTH,
      3000,
      3800,
      '两班倒，每班 10 小时',
      [true, true, false, true],
    ],
    [
      '剁辣椒加工工',
      '食品加工工',
      null,
      '剁辣椒清洗、切剁、装坛，需持健康证上岗（食品行业规定）。',
      FULL_TIME,
      MONTH,
      2800,
      3500,
      FACTORY_HOURS,
      [true, false, false, true],
    ],
  ],
  passion: [
    ['百香果采摘工', '采摘工', '5-01-02-01', '百香果采摘、捡果，山地作业，日结。', GIG, DAY, 120, 150, FARM_HOURS, [true, false, true, false]],
    [
      '百香果嫁接育苗工',
      '园艺工',
      null,
      '百香果嫁接、育苗、搭架，手把手教，熟练后涨工资。',
      FULL_TIME,
      MONTH,
      2800,
      3500,
      FARM_HOURS,
      [true, true, false, false],
    ],
    [
      '果园电商打包员',
      '电子商务打包员',
      null,
      '百香果分拣、打包、贴快递单，旺季需加班。',
      PART_TIME,
      HOUR,
      15,
      18,
      '9:00–18:00，可选半天',
      [true, false, false, false],
    ],
  ],
  textile: [
    [
      '平车缝纫工',
      '缝纫工',
      '6-05-01-01',
      '服装流水线平车缝纫，熟手计件，新手保底，有师傅带。',
      FULL_TIME,
      MONTH,
      3000,
      5500,
      FACTORY_HOURS,
      [true, true, false, true],
    ],
    [
      '男装缝纫工（计件）',
      '缝纫工',
      '6-05-01-01',
      '男装衬衫、夹克缝制，按件计酬，车间在村里，离家近。',
      FULL_TIME,
      PIECE,
      2,
      6,
      FACTORY_HOURS,
      [true, false, false, false],
    ],
    [
      '居家手工编织',
      '手工编织工',
      null,
      '领取原料在家编织手提包、坐垫，按件回收结算，适合照顾老人小孩的家庭。',
      HOME_BASED,
      PIECE,
      8,
      25,
      '时间自由，按期交货',
      [false, false, false, false],
    ],
    ['苗绣绣娘', '刺绣工', null, '苗绣手工刺绣，提供花样和材料，可在车间或在家做。', HOME_BASED, PIECE, 30, 120, '时间自由', [false, false, false, false]],
    [
      '锁边包装工',
      '服装整理工',
      null,
      '锁边、剪线头、熨烫、包装，简单易学。',
      PART_TIME,
      HOUR,
      13,
      16,
      '8:00–12:00 或 14:00–18:00',
      [true, false, false, false],
    ],
  ],
  tea: [
    ['春茶采摘工', '茶叶采摘工', null, '采摘一芽一叶、一芽二叶，按斤计价，管午饭。', GIG, PIECE, 20, 40, '6:30–12:00', [true, false, true, false]],
    [
      '制茶工',
      '茶叶加工工',
      '6-02-01-01',
      '杀青、揉捻、烘干，有制茶经验优先，无经验可培训。',
      FULL_TIME,
      MONTH,
      3200,
      4500,
      '旺季两班倒',
      [true, true, false, true],
    ],
    ['茶园管护工', '茶园工', null, '茶园除草、修剪、施肥，长期稳定。', FULL_TIME, DAY, 100, 120, FARM_HOURS, [true, false, false, false]],
  ],
  electronics: [
    [
      '电子元件组装工',
      '电子器件装配工',
      '6-25-02-00',
      '流水线插件、焊接、组装，坐班作业，车间有空调。',
      FULL_TIME,
      MONTH,
      3500,
      5200,
      FACTORY_HOURS,
      [true, true, true, true],
    ],
    ['质检员', '质检员', null, '产品外观和功能检测，初中以上文化，会简单电脑操作。', FULL_TIME, MONTH, 3800, 4800, FACTORY_HOURS, [true, true, true, true]],
    [
      '线束压接工',
      '电线电缆制造工',
      null,
      '线束裁线、压接端子、套管，计时加计件，年龄18-55岁。',
      FULL_TIME,
      MONTH,
      3600,
      5500,
      FACTORY_HOURS,
      [true, true, true, true],
    ],
    ['临时装卸工', '装卸搬运工', null, '原料和成品装卸，按天结算。', GIG, DAY, 150, 180, '8:00–17:00', [true, false, false, false]],
  ],
  bamboo: [
    ['竹筷加工工', '竹制品加工工', null, '竹筷开片、打磨、分拣，有机器操作培训。', FULL_TIME, MONTH, 2800, 3800, FACTORY_HOURS, [true, false, false, true]],
    ['居家竹编', '竹编工', null, '领取竹篾在家编竹篮、竹筐，按件回收。', HOME_BASED, PIECE, 10, 30, '时间自由', [false, false, false, false]],
  ],
  tourism: [
    [
      '漂流安全员',
      '安全员',
      null,
      '协助游客上下船、水上安全巡查，会游泳，公司组织培训和考证。',
      PART_TIME,
      DAY,
      150,
      200,
      '旺季 9:00–18:00',
      [true, false, true, true],
    ],
    [
      '景区保洁员',
      '保洁员',
      null,
      '景区步道、公厕保洁，住在附近村的优先考虑交通方便。',
      FULL_TIME,
      MONTH,
      2200,
      2600,
      '7:30–17:30，轮休',
      [true, false, true, true],
    ],
    ['景区检票讲解员', '讲解员', null, '检票、游客引导和讲解，普通话流利。', FULL_TIME, MONTH, 2800, 3500, '8:00–18:00，轮休', [true, true, true, true]],
  ],
  livestock: [
    ['生猪饲养员', '家畜饲养员', '5-03-01-01', '喂料、清栏、防疫记录，包吃住。', FULL_TIME, MONTH, 3500, 4500, '按场里排班', [true, true, false, true]],
    ['鱼塘管护工', '水产养殖工', null, '投喂、巡塘、捕捞配合。', FULL_TIME, MONTH, 3000, 3800, '按场里排班', [true, true, false, false]],
  ],
  fruit: [
    ['红提疏果套袋工', '果树工', null, '红提疏果、套袋，日结。', GIG, DAY, 110, 140, FARM_HOURS, [true, false, false, false]],
    ['红提采摘工', '采摘工', '5-01-02-01', '红提采摘分级装箱。', GIG, DAY, 120, 150, FARM_HOURS, [true, false, false, false]],
  ],
  logistics: [
    ['快递分拣员', '快递员', null, '县城快递分拣、装车，晚班有补贴。', FULL_TIME, MONTH, 3500, 4800, '两班倒', [true, false, false, true]],
    [
      '乡镇配送司机',
      '货车司机',
      null,
      '县城到各乡镇的农产品和快件配送，持 C1 以上驾照。',
      FULL_TIME,
      MONTH,
      4500,
      6000,
      '8:00–18:00',
      [true, false, false, true],
    ],
  ],
  farm: [
    ['农机手', '农机驾驶操作员', null, '旋耕机、收割机操作，持农机驾驶证，季节性用工。', GIG, DAY, 200, 300, '农忙时 7:00–18:00', [true, false, false, false]],
    ['蔬菜分拣配送员', '农产品分拣工', null, '蔬菜分拣、打包、随车配送。', FULL_TIME, MONTH, 3000, 3800, '5:00–13:00', [true, false, false, true]],
  ],
  construction: [
    ['泥水工', '砌筑工', '6-29-01-01', '农村自建房和道路硬化砌筑、抹灰，日结。', GIG, DAY, 250, 320, '7:30–17:30', [true, false, false, false]],
    ['小工（建筑杂工）', '建筑杂工', null, '搬砖、和灰、清理工地，日结。', GIG, DAY, 160, 200, '7:30–17:30', [true, false, false, false]],
    ['钢筋工', '钢筋工', null, '钢筋下料、绑扎，有经验者工资面议。', GIG, DAY, 280, 350, '7:30–17:30', [true, false, false, false]],
  ],
  catering: [
    [
      '瑶家菜厨师',
      '中式烹调师',
      '4-03-02-01',
      '瑶家特色菜制作，有厨师证优先。',
      FULL_TIME,
      MONTH,
      4000,
      5500,
      '10:00–14:00，16:30–21:00',
      [true, true, false, true],
    ],
    ['餐厅服务员', '餐厅服务员', null, '点菜、传菜、收台，旺季可做兼职。', PART_TIME, HOUR, 14, 16, '11:00–14:00，17:00–21:00', [true, false, false, false]],
  ],
};

/** Public-welfare posts the bureau offers in villages (公益性岗位). */
const PUBLIC_WELFARE: [string, string, string][] = [
  ['村级保洁员', '保洁员', '负责本村公共区域和垃圾收集点保洁，每天工作约 4 小时，就近上岗。'],
  ['生态护林员', '护林员', '巡山护林、防火宣传、发现火情及时报告，按片区巡护。'],
  ['农村公路养护员', '公路养护工', '村道除草、清沟、清理塌方小土石，按路段包干。'],
  ['村级就业信息员', '就业服务员', '收集本村劳动力就业信息，协助开展求职登记和跟踪服务。'],
  ['农村饮水工程管水员', '水管员', '巡查村里饮水管网和水池，及时报修、记录水表。'],
];

export const jobsDemo: LibraryDemoStep = {
  name: 'jobs',
  async run(app: INestApplicationContext, random: DemoRandomSource): Promise<string> {
    const dataSource = app.get(DataSource);
    const employers = new Map((await dataSource.manager.find(Employer)).map((e) => [e.creditCode, e]));
    const first = employers.get(demoCreditCode(0));
    if (!first) throw new Error('demo employers missing: run the employers step first');
    if (await dataSource.manager.exists(Job, { where: { employerId: first.id } })) return 'already loaded';
    const admin = await demoAdmin(app);
    const jobs = app.get(JobsService);
    const shiftsService = app.get(JobShiftsService);
    const stations = await dataSource.manager.find(GigStation);
    const workshops = await dataSource.manager.find(Workshop);
    const booths = await dataSource.manager.find(FairBooth);
    const today = countyToday();
    const day = (offset: number) => {
      const [y, m, d] = today.split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
    };

    let posted = 0;
    let shifts = 0;
    for (const [index, [, regionCode, address, , industry]] of DEMO_EMPLOYERS.entries()) {
      const employer = employers.get(demoCreditCode(index))!;
      const templates = TEMPLATES[industry];
      const ownWorkshops = workshops.filter((w) => w.employerId === employer.id);
      const ownBooths = booths.filter((b) => b.employerId === employer.id);
      const count = random.int(9, 15);
      for (let n = 0; n < count; n++) {
        const [title, occupation, occupationCode, description, kind, wageUnit, low, high, workingHours, [board, lodging, transport, socialInsurance]] =
          random.pick(templates);
        const wageMin = low === high ? low : random.int(low, Math.max(low, Math.round((low + high) / 2)));
        const wageMax = random.int(wageMin, high);
        const where =
          regionCode.length === 12 || random.chance(0.5) ? regionCode : random.pick(['450329103201', '450329101201', '450329202201', '450329100201']);
        const nearbyStations = stations.filter((s) => where.startsWith(s.regionCode) || s.regionCode.startsWith(where.slice(0, 9)));
        const source = random.next();
        const input: PostJobInput = {
          employerId: employer.id,
          kind,
          title,
          occupation,
          occupationCode,
          description,
          wageMin,
          wageMax,
          wageUnit,
          headcount: kind === GIG ? random.int(5, 30) : random.int(1, 12),
          regionCode: where,
          address: where === regionCode ? address : `${address}（外派点）`,
          ...demoPoint(where, random),
          workingHours,
          benefits: { board, lodging, transport, socialInsurance },
          requirements: random.pick(['能吃苦耐劳', '服从安排，按时上下班', '有相关经验优先，无经验可培训', '']),
          contractTerm: kind === FULL_TIME ? random.pick(['一年', '两年', '长期']) : kind === GIG ? '按天' : '按季',
          validFrom: day(-random.int(0, 10)),
          validTo: day(random.int(20, 120)),
          stationId: kind === GIG && nearbyStations.length > 0 && source < 0.8 ? random.pick(nearbyStations).id : undefined,
          workshopId: kind !== GIG && ownWorkshops.length > 0 && source < 0.6 ? random.pick(ownWorkshops).id : undefined,
          fairId: kind !== GIG && ownWorkshops.length === 0 && ownBooths.length > 0 && source < 0.5 ? random.pick(ownBooths).fairId : undefined,
          publish: random.chance(0.92),
        };
        const job = await jobs.post(admin, input);
        posted += 1;
        if (kind === GIG && job.status === 'OPEN') {
          const used = new Set<string>();
          for (let s = 0; s < random.int(1, 3); s++) {
            const drawn = day(random.int(1, 14));
            const date = drawn > job.validTo ? job.validTo : drawn;
            if (used.has(date)) continue;
            used.add(date);
            const startHour = random.pick([6, 7, 8]);
            await shiftsService.add(admin, {
              jobId: job.id,
              date,
              startTime: `0${startHour}:00`,
              endTime: `${startHour + 10}:00`,
              slots: random.int(3, 15),
              dayPay: wageUnit === DAY ? wageMax : random.int(120, 200),
              instantHiring: random.chance(0.5),
            });
            shifts += 1;
          }
        }
        if (job.status === 'OPEN' && random.chance(0.04)) await jobs.pause(admin, job.id);
      }
    }

    const villages = [
      '450329103201',
      '450329103202',
      '450329103203',
      '450329202201',
      '450329100203',
      '450329101203',
      '450329102203',
      '450329200202',
      '450329201203',
      '450329202204',
    ];
    for (const village of villages) {
      for (const [title, occupation, description] of PUBLIC_WELFARE.filter(() => random.chance(0.5))) {
        await jobs.post(admin, {
          kind: JobKind.PUBLIC_WELFARE,
          title,
          occupation,
          occupationCode: null,
          description,
          wageMin: 1500,
          wageMax: random.pick([1500, 1600, 1800]),
          wageUnit: MONTH,
          headcount: random.int(1, 4),
          regionCode: village,
          address: '村委会',
          ...demoPoint(village, random),
          workingHours: '每天约 4 小时，时间灵活',
          benefits: { board: false, lodging: false, transport: false, socialInsurance: true },
          requirements: '本县公益性岗位安置对象，能胜任岗位工作',
          contractTerm: '一年',
          validFrom: day(0),
          validTo: day(random.int(30, 90)),
          publish: true,
        });
        posted += 1;
      }
    }
    return `${posted} jobs (incl. public-welfare posts), ${shifts} gig shifts`;
  },
};
