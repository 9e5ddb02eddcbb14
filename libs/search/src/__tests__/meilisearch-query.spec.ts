import { JobSearchSort } from '../engine/job-search.model';
import { MEILI_SETTINGS, toMeiliDocument, toMeiliFilter, toMeiliSort, toMeiliText } from '../meilisearch/meilisearch-query';
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
});
