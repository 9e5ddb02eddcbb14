import { JobSearchSort } from '../engine/job-search.model';
import {
  MEILI_FACETS,
  MEILI_SETTINGS,
  SOUND_WEIGHT,
  toMeiliDocument,
  toMeiliFederatedSearch,
  toMeiliFilter,
  toMeiliQueries,
  toMeiliSort,
  toMeiliText,
} from '../meilisearch/meilisearch-query';
import { CORPUS, EVERYDAY } from './job-search.contract';

const NOW = new Date('2026-11-20T08:00:00Z');

describe('Meilisearch query translation (no server needed)', () => {
  it('puts the words people use for a job into the searched tokens, as the PostgreSQL engine does', () => {
    const words = (i: number) => toMeiliDocument(EVERYDAY[i]).otherTokens.split(' ');
    // A gig paid by the day with board and lodging, an 装卸工: 零工, 日结, 包吃住, 搬运工 (as their bigrams).
    expect(words(1)).toEqual(expect.arrayContaining(['零工', '日结', '包吃', '吃住', '搬运', '运工']));
    // 清洁工 is also 保洁; 建筑杂工 is also 小工, and paid by the piece (计件).
    expect(words(0)).toEqual(expect.arrayContaining(['保洁']));
    expect(words(2)).toEqual(expect.arrayContaining(['小工', '计件']));
    expect(toMeiliText('公益岗')).toBe('公益 益岗');
    expect(toMeiliDocument(CORPUS[5]).otherTokens.split(' ')).toEqual(expect.arrayContaining(['公益', '益岗']));
  });

  it('translates every filter of the shared input', () => {
    expect(
      toMeiliFilter({
        limit: 20,
        offset: 0,
        now: NOW,
        near: { lat: 26.02, lng: 110.62 },
        filter: {
          regionCode: '450329103',
          kinds: ['GIG', 'PART_TIME'],
          minMonthlyWage: 3000,
          benefits: ['BOARD', 'LODGING'],
          sourceKinds: ['GIG_STATION'],
          postedWithinDays: 7,
          withinKm: 5,
        },
      }),
    ).toEqual([
      'regionPath = "450329103"',
      'kind IN ["GIG", "PART_TIME"]',
      'wageMonthlyMax >= 3000',
      'benefits = "BOARD"',
      'benefits = "LODGING"',
      'sourceKind IN ["GIG_STATION"]',
      `postedAtTs >= ${Math.floor(NOW.getTime() / 1000) - 7 * 86400}`,
      '_geoRadius(26.02, 110.62, 5000)',
    ]);
  });

  it('quotes values so a filter cannot be injected', () => {
    expect(toMeiliFilter({ limit: 1, offset: 0, filter: { kinds: ['GIG" OR kind = "X'] } })).toEqual(['kind IN ["GIG\\" OR kind = \\"X"]']);
  });

  it('sorts as the PostgreSQL engine does', () => {
    expect(toMeiliSort({ limit: 1, offset: 0, sort: JobSearchSort.DISTANCE, near: { lat: 1, lng: 2 } })).toEqual(['_geoPoint(1, 2):asc', 'postedAtTs:desc']);
    expect(toMeiliSort({ limit: 1, offset: 0, sort: JobSearchSort.WAGE })).toEqual(['wageMonthlyMax:desc', 'postedAtTs:desc']);
    expect(toMeiliSort({ limit: 1, offset: 0, text: '缝纫' })).toBeUndefined();
  });

  it('indexes region ancestry, pinyin tokens and geo, and declares them in the settings', () => {
    const doc = toMeiliDocument(CORPUS[0]);
    expect(doc.regionPath).toEqual(['45', '4503', '450329', '450329103', '450329103201']);
    expect(doc.titleTokens.split(' ')).toEqual(expect.arrayContaining(['缝纫', 'fengrengong', 'frg']));
    expect(doc._geo).toEqual({ lat: 26.04, lng: 110.64 });
    expect(doc.wageBand).toBe('5000_PLUS');
    for (const attribute of ['regionPath', 'kind', 'wageMonthlyMax', 'benefits', 'sourceKind', 'postedAtTs', '_geo'])
      expect(MEILI_SETTINGS.filterableAttributes).toContain(attribute);
    expect(toMeiliText('缝纫 fengren')).toBe('缝纫 fengren');
  });

  it('carries pinyin that spans the words the segmenter splits, for prefix search on the last query word', () => {
    // 村道保洁员 is segmented 村|道|保|洁|员: its pinyin is indexed from every character on.
    const tokens = toMeiliDocument(CORPUS[5]).titleTokens.split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['cundaobaojieyuan', 'cdbjy', 'baojieyuan', 'bjy', 'jieyuan']));
    expect(toMeiliDocument(CORPUS[7]).titleTokens.split(' ')).toEqual(expect.arrayContaining(['jiazhengfuwuyuan', 'jzfwy', 'fuwuyuan', 'fwy']));
    // Filter lexemes of the PostgreSQL engine are not searchable text here.
    expect(tokens.some((t) => t.startsWith('#'))).toBe(false);
    expect(MEILI_SETTINGS.searchableAttributes.slice(0, 2)).toEqual(['title', 'titleTokens']);
    expect(toMeiliText('服务员')).toBe('服务 务员');
  });

  describe('a homophone slip (保结员 for 保洁员) still finds the job, as on PostgreSQL', () => {
    const sounds = (i: number) => new Set(toMeiliDocument(CORPUS[i]).soundTokens.split(' '));
    /** Every word of a query is a whole word of the document's sound tokens (Meilisearch matches non-last words exactly). */
    const heardIn = (q: string, i: number) =>
      q.split(' ').every((word) => sounds(i).has(word) || toMeiliDocument(CORPUS[i]).titleTokens.split(' ').includes(word));

    it('indexes the toneless pinyin of every stretch of the title, occupation and employer as whole words, searched last', () => {
      expect([...sounds(5)]).toEqual(expect.arrayContaining(['baojieyuan', 'baojie', 'jieyuan', 'cundao', 'bao', 'gongyixing']));
      expect([...sounds(0)]).toEqual(expect.arrayContaining(['fengrengong', 'fengren', 'jijian']));
      // Descriptions carry no pinyin here, as on PostgreSQL: 缝纫 in 服装厂包装工's description is not heard.
      expect(sounds(6).has('fengren')).toBe(false);
      expect(MEILI_SETTINGS.searchableAttributes.slice(-1)).toEqual(['soundTokens']);
    });

    it('asks for the written form and the sound form of each Chinese word, the sound forms weighing less', () => {
      expect(toMeiliQueries('保结员')).toEqual([
        { q: '保结 结员', weight: 1 },
        { q: 'baojieyuan', weight: SOUND_WEIGHT },
      ]);
      expect(SOUND_WEIGHT).toBeLessThan(1);
      // Every choice of written or sound per word: 采摘 逢人 is four queries, each requiring both words.
      expect(toMeiliQueries('采摘 逢人').map((f) => f.q)).toEqual(['采摘 逢人', 'caizhai 逢人', '采摘 fengren', 'caizhai fengren']);
      // Latin input and single characters have no sound form: one plain search, as before.
      expect(toMeiliQueries('fengren')).toEqual([{ q: 'fengren', weight: 1 }]);
      expect(toMeiliQueries('工')).toEqual([{ q: '工', weight: 1 }]);
      // Longer than 6 characters: one sound word per 6 characters, as PostgreSQL's homophone lexemes.
      expect(toMeiliQueries('资源县人力资源')[1].q).toBe('ziyuanxianrenlizi yuan');
    });

    it('the sound forms of the contract slips are heard in the job meant and in no other', () => {
      const slips: [string, number][] = [
        ['保结员', 5],
        ['逢人工', 0],
        ['家证服务员', 7],
      ];
      for (const [slip, meant] of slips) {
        const [written, sound] = toMeiliQueries(slip);
        expect(CORPUS.map((_, i) => heardIn(written.q, i))).not.toContain(true);
        expect(CORPUS.map((_, i) => i).filter((i) => heardIn(sound.q, i))).toEqual([meant]);
      }
    });

    it('searches the forms as one federated multi-search: same filter and sort in each, paging and facets on the federation', () => {
      const query = { text: '保结员', limit: 20, offset: 40, now: NOW, filter: { kinds: ['PUBLIC_WELFARE'] } };
      expect(toMeiliFederatedSearch(query, 'jobs')).toEqual({
        federation: { limit: 20, offset: 40, facetsByIndex: { jobs: MEILI_FACETS } },
        queries: [
          {
            indexUid: 'jobs',
            q: '保结 结员',
            filter: ['kind IN ["PUBLIC_WELFARE"]'],
            showRankingScore: true,
            matchingStrategy: 'all',
            federationOptions: { weight: 1 },
          },
          {
            indexUid: 'jobs',
            q: 'baojieyuan',
            filter: ['kind IN ["PUBLIC_WELFARE"]'],
            showRankingScore: true,
            matchingStrategy: 'all',
            federationOptions: { weight: SOUND_WEIGHT },
          },
        ],
      });
      // Meilisearch refuses per-query paging and facets in a federated search.
      for (const q of toMeiliFederatedSearch({ ...query, sort: JobSearchSort.NEWEST }, 'jobs')!.queries) {
        expect(q).not.toHaveProperty('limit');
        expect(q).not.toHaveProperty('facets');
        expect(q.sort).toEqual(['postedAtTs:desc']);
      }
      // Nothing to hear: a plain search.
      expect(toMeiliFederatedSearch({ text: 'frg', limit: 20, offset: 0 }, 'jobs')).toBeUndefined();
      expect(toMeiliFederatedSearch({ limit: 20, offset: 0 }, 'jobs')).toBeUndefined();
    });
  });
});
