import { type JobSearchDocument, type JobSearchEngine, JobSearchSort } from '../engine/job-search.model';

const NOW = new Date('2026-11-20T08:00:00Z');
const days = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small fixed corpus from the demo county: the contract's expectations are written against it. */
export const CORPUS: JobSearchDocument[] = [
  {
    id: uuid(1),
    title: '招聘缝纫工（计件）',
    occupation: '缝纫工',
    description: '熟练操作电动缝纫机，多劳多得，包吃住',
    employerName: '资源县华锦服饰扶贫车间',
    regionCode: '450329103201',
    kind: 'FULL_TIME',
    wageMonthlyMin: 3000,
    wageMonthlyMax: 5000,
    benefits: ['BOARD', 'LODGING'],
    sourceKind: 'WORKSHOP',
    postedAt: days(2),
    lat: 26.04,
    lng: 110.64,
  },
  {
    id: uuid(2),
    title: '餐厅服务员',
    occupation: '餐厅服务员',
    description: '负责点菜、传菜，做六休一',
    employerName: '资源镇山水饭店',
    regionCode: '450329100201',
    kind: 'FULL_TIME',
    wageMonthlyMin: 2200,
    wageMonthlyMax: 2800,
    benefits: ['BOARD'],
    sourceKind: null,
    postedAt: days(5),
    lat: 26.04,
    lng: 110.65,
  },
  {
    id: uuid(3),
    title: '番茄采摘 日结',
    occupation: '农业采摘工',
    description: '大棚番茄采摘，当天结算工钱',
    employerName: '瓜里乡绿源果蔬合作社',
    regionCode: '450329103202',
    kind: 'GIG',
    wageMonthlyMin: 3300,
    wageMonthlyMax: 3300,
    benefits: [],
    sourceKind: 'GIG_STATION',
    postedAt: days(1),
    lat: 26.02,
    lng: 110.62,
  },
  {
    id: uuid(4),
    title: '百香果采摘工',
    occupation: '农业采摘工',
    description: '猴背村百香果基地，三百六十亩',
    employerName: '河口乡猴背村百香果基地',
    regionCode: '450329202201',
    kind: 'GIG',
    wageMonthlyMin: 2640,
    wageMonthlyMax: 3080,
    benefits: ['TRANSPORT'],
    sourceKind: 'GIG_STATION',
    postedAt: days(20),
    lat: 25.9,
    lng: 110.8,
  },
  {
    id: uuid(5),
    title: '电子厂普工',
    occupation: '装配工',
    description: '工业园电子厂流水线装配，缴纳社保',
    employerName: '桂林资源电子科技有限公司',
    regionCode: '450329100202',
    kind: 'FULL_TIME',
    wageMonthlyMin: 4000,
    wageMonthlyMax: 6000,
    benefits: ['BOARD', 'LODGING', 'SOCIAL_INSURANCE'],
    sourceKind: 'JOB_FAIR',
    postedAt: days(3),
    lat: 26.05,
    lng: 110.66,
  },
  {
    id: uuid(6),
    title: '村道保洁员（公益性岗位）',
    occupation: '保洁员',
    description: '负责村道日常清扫',
    employerName: '资源县人力资源和社会保障局',
    regionCode: '450329103203',
    kind: 'PUBLIC_WELFARE',
    wageMonthlyMin: 1500,
    wageMonthlyMax: 1500,
    benefits: ['SOCIAL_INSURANCE'],
    sourceKind: null,
    postedAt: days(10),
    lat: 26.03,
    lng: 110.63,
  },
  {
    id: uuid(7),
    title: '服装厂包装工',
    occupation: '包装工',
    description: '协助缝纫车间完成成衣包装',
    employerName: '资源县华锦服饰',
    regionCode: '450329101201',
    kind: 'FULL_TIME',
    wageMonthlyMin: 2500,
    wageMonthlyMax: 3200,
    benefits: [],
    sourceKind: null,
    postedAt: days(4),
    lat: 26.1,
    lng: 110.7,
  },
  {
    id: uuid(8),
    title: '家政服务员',
    occupation: '家政服务员',
    description: '上门保洁、照护老人，可兼职',
    employerName: '资源镇巧手家政',
    regionCode: '450329100203',
    kind: 'PART_TIME',
    wageMonthlyMin: 2000,
    wageMonthlyMax: 3500,
    benefits: [],
    sourceKind: null,
    postedAt: days(40),
    lat: 26.04,
    lng: 110.66,
  },
  {
    id: uuid(9),
    title: '竹编手工（居家计件）',
    occupation: '竹编工',
    description: '领取原料居家编织，按件计酬',
    employerName: '车田苗族乡竹艺合作社',
    regionCode: '450329200201',
    kind: 'HOME_BASED',
    wageMonthlyMin: null,
    wageMonthlyMax: null,
    benefits: [],
    sourceKind: 'WORKSHOP',
    postedAt: days(6),
    lat: 26.2,
    lng: 110.5,
  },
];

const ids = (...n: number[]) => n.map(uuid);

/** Jobs known by other words than their adverts use (the everyday-words part of the contract). */
export const EVERYDAY: JobSearchDocument[] = [
  {
    id: uuid(10),
    title: '小区清洁工',
    occupation: '清洁工',
    description: '负责楼道和绿化带清扫',
    employerName: '资源镇物业公司',
    regionCode: '450329100201',
    kind: 'FULL_TIME',
    wageMonthlyMin: 2000,
    wageMonthlyMax: 2200,
    benefits: [],
    wageUnit: 'MONTH',
    sourceKind: null,
    postedAt: days(7),
    lat: 26.04,
    lng: 110.65,
  },
  {
    id: uuid(11),
    title: '临时装卸',
    occupation: '装卸工',
    description: '物流园卸货',
    employerName: '资源县物流园',
    regionCode: '450329100202',
    kind: 'GIG',
    wageMonthlyMin: 3520,
    wageMonthlyMax: 3960,
    benefits: ['BOARD', 'LODGING'],
    wageUnit: 'DAY',
    sourceKind: null,
    postedAt: days(8),
    lat: 26.05,
    lng: 110.66,
  },
  {
    id: uuid(12),
    title: '建筑杂工',
    occupation: '建筑杂工',
    description: '搅拌砂浆、搬砖',
    employerName: '资源县建筑公司',
    regionCode: '450329100203',
    kind: 'FULL_TIME',
    wageMonthlyMin: null,
    wageMonthlyMax: null,
    benefits: [],
    wageUnit: 'PIECE',
    sourceKind: null,
    postedAt: days(9),
    lat: 26.05,
    lng: 110.67,
  },
];

/**
 * The search contract every engine must meet: relevance on a fixed Chinese corpus
 * (including pinyin and initials), filters, facets, sorting and paging.
 */
export function describeJobSearchContract(name: string, engine: () => JobSearchEngine): void {
  describe(`job search contract: ${name}`, () => {
    const search = (text: string | undefined, extra: Partial<Parameters<JobSearchEngine['search']>[0]> = {}) =>
      engine().search({ text, limit: 20, offset: 0, now: NOW, ...extra });

    beforeAll(async () => {
      await engine().clear();
      await engine().upsert(CORPUS);
    });

    it('finds 缝纫 with the title match first and the description match after it', async () => {
      const result = await search('缝纫');
      expect(result.hits.map((h) => h.id)).toEqual(ids(1, 7));
    });

    it('finds 缝纫工 by pinyin, by pinyin typed so far, and by initials', async () => {
      for (const text of ['fengrengong', 'fengren', 'frg']) expect((await search(text)).hits[0]?.id).toBe(uuid(1));
    });

    it('finds pinyin and initials that span the words the segmenter splits (保|洁|员, 家政|服务|员)', async () => {
      for (const text of ['bjy', 'baojieyuan', 'baojie', 'cdbjy', 'cundaobaojie']) expect((await search(text)).hits.map((h) => h.id)).toEqual(ids(6));
      for (const text of ['jzfwy', 'jiazhengfuwuyuan']) expect((await search(text)).hits.map((h) => h.id)).toEqual(ids(8));
      // Initials of 服务员 are in both titles; the shorter title is not required to win, only both found.
      expect((await search('fwy')).hits.map((h) => h.id).sort()).toEqual(ids(2, 8).sort());
    });

    it('finds 服务员 in both 餐厅服务员 and 家政服务员, and nothing that only shares a character', async () => {
      expect((await search('服务员')).hits.map((h) => h.id).sort()).toEqual(ids(2, 8).sort());
    });

    it('finds 日结 even though the word segmenter splits it', async () => {
      expect((await search('日结')).hits.map((h) => h.id)).toEqual(ids(3));
    });

    it('requires every word of the query', async () => {
      expect((await search('采摘 番茄')).hits.map((h) => h.id)).toEqual(ids(3));
      expect((await search('采摘 缝纫')).hits).toEqual([]);
    });

    it('filters by region subtree, kind, wage, benefits, source and age', async () => {
      expect((await search(undefined, { filter: { regionCode: '450329103' } })).hits.map((h) => h.id).sort()).toEqual(ids(1, 3, 6).sort());
      expect((await search(undefined, { filter: { kinds: ['GIG'] } })).hits.map((h) => h.id).sort()).toEqual(ids(3, 4).sort());
      expect((await search(undefined, { filter: { minMonthlyWage: 4000 } })).hits.map((h) => h.id).sort()).toEqual(ids(1, 5).sort());
      expect((await search(undefined, { filter: { benefits: ['BOARD', 'LODGING'] } })).hits.map((h) => h.id).sort()).toEqual(ids(1, 5).sort());
      expect((await search(undefined, { filter: { sourceKinds: ['WORKSHOP'] } })).hits.map((h) => h.id).sort()).toEqual(ids(1, 9).sort());
      expect((await search(undefined, { filter: { postedWithinDays: 3 } })).hits.map((h) => h.id).sort()).toEqual(ids(1, 3, 5).sort());
    });

    it('sorts by distance from a point and filters by radius', async () => {
      const near = { lat: 26.02, lng: 110.62 };
      const byDistance = await search(undefined, { near, sort: JobSearchSort.DISTANCE });
      expect(byDistance.hits[0].id).toBe(uuid(3));
      expect(byDistance.hits[0].distanceKm).toBeCloseTo(0, 1);
      const within = await search(undefined, { near, filter: { withinKm: 5 } });
      expect(within.hits.map((h) => h.id).sort()).toEqual(ids(1, 2, 3, 6, 8).sort());
    });

    it('sorts by wage and by newest', async () => {
      expect((await search(undefined, { sort: JobSearchSort.WAGE })).hits[0].id).toBe(uuid(5));
      expect((await search(undefined, { sort: JobSearchSort.NEWEST })).hits.map((h) => h.id).slice(0, 3)).toEqual(ids(3, 1, 5));
    });

    it('counts facets over the filtered set', async () => {
      const result = await search('采摘');
      expect(result.total).toBe(2);
      expect(result.facets.kind).toEqual([{ value: 'GIG', count: 2 }]);
      expect(result.facets.township).toEqual([
        { value: '450329103', count: 1 },
        { value: '450329202', count: 1 },
      ]);
      expect(result.facets.wageBand).toEqual([{ value: '3000_4000', count: 2 }]);
      expect(result.facets.benefit).toEqual([{ value: 'TRANSPORT', count: 1 }]);
    });

    it('pages with offset and reports the total', async () => {
      const first = await search(undefined, { sort: JobSearchSort.NEWEST, limit: 4 });
      const second = await search(undefined, { sort: JobSearchSort.NEWEST, limit: 4, offset: 4 });
      expect(first.total).toBe(CORPUS.length);
      expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(8);
    });

    it('reflects updates and removals at once', async () => {
      await engine().upsert([{ ...CORPUS[1], title: '酒店前台接待', occupation: '前台接待' }]);
      expect((await search('服务员')).hits.map((h) => h.id)).toEqual(ids(8));
      await engine().remove([uuid(3)]);
      expect((await search('日结')).hits).toEqual([]);
      await engine().upsert([CORPUS[1], CORPUS[2]]);
    });

    describe('the words people use for a job: its kind, benefits, pay, other names of its trade, and sound-alike slips', () => {
      beforeAll(async () => {
        await engine().upsert(EVERYDAY);
      });
      afterAll(async () => {
        await engine().remove(EVERYDAY.map((d) => d.id));
      });
      const found = async (text: string) => (await search(text)).hits.map((h) => h.id).sort();

      it('finds gig work by 零工 and 临时工, public-welfare posts by 公益岗, home-based work by 在家做', async () => {
        expect(await found('零工')).toEqual(ids(3, 4, 11).sort());
        expect(await found('临时工')).toEqual(ids(3, 4, 11).sort());
        expect(await found('公益岗')).toEqual(ids(6));
        expect(await found('在家做')).toEqual(ids(9));
      });

      it('finds benefits by 包吃住 and 社保, and pay by 日结 and 计件', async () => {
        expect(await found('包吃住')).toEqual(ids(1, 5, 11).sort());
        expect(await found('社保')).toEqual(ids(5, 6).sort());
        expect(await found('日结')).toEqual(ids(3, 11).sort());
        expect(await found('计件')).toEqual(ids(1, 9, 12).sort());
      });

      it('finds a trade by its everyday names: 保洁 finds 清洁工, 搬运工 finds 装卸工, 小工 finds 建筑杂工', async () => {
        expect(await found('保洁')).toEqual(ids(6, 8, 10).sort());
        expect(await found('清洁工')).toEqual(ids(6, 10).sort());
        expect(await found('搬运工')).toEqual(ids(11));
        expect(await found('小工')).toEqual(ids(12));
      });

      it('finds a job typed with a homophone of its name (an input-method slip)', async () => {
        expect(await found('保结员')).toEqual(ids(6));
        expect(await found('逢人工')).toEqual(ids(1));
        expect(await found('家证服务员')).toEqual(ids(8));
        // Sound-alikes still have to be the whole word: 服务 alone does not turn into every 福 and 务.
        expect(await found('采摘 逢人')).toEqual([]);
      });
    });
  });
}
