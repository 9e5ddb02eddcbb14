import { gridLexemes, postingDay } from '../postgres/recency-grid';
import { filterLexemes, quoteLexeme, toTsQuery, weightedTsVector } from '../postgres/search-lexemes';

describe('PostgreSQL search lexemes (no database needed)', () => {
  it('quotes a lexeme for a tsquery or tsvector literal', () => {
    expect(quoteLexeme('缝纫')).toBe(`'缝纫'`);
    expect(quoteLexeme(`it's`)).toBe(`'it''s'`);
    expect(quoteLexeme('a\\b')).toBe(`'a\\\\b'`);
  });

  it('makes every term of the search box a must, a Chinese word also matching by its sound and latin as a prefix', () => {
    expect(toTsQuery('服务员')).toBe(`(('服务' & '务员') | ('fuwuyuan':*))`);
    expect(toTsQuery('缝纫 日结')).toBe(`(('缝纫') | ('fengren':*)) & (('日结') | ('rijie':*))`);
    expect(toTsQuery('FengRen')).toBe(`('fengren':*)`);
    expect(toTsQuery('工')).toBe(`('工')`);
    expect(toTsQuery('  ')).toBeUndefined();
  });

  it('weights each lexeme by the first position of every field it occurs in: title A, occupation and employer B, description C', () => {
    expect(weightedTsVector([['缝纫', '工'], ['缝纫'], ['工', '缝纫']], ['#k:GIG'])).toBe(`'缝纫':1A,3B,5C '工':2A,4C '#k:GIG'`);
    // A lexeme repeated in one field keeps one position of that weight; filter lexemes carry none.
    expect(weightedTsVector([['日结', '日结']], ['日结', '#b:BOARD'])).toBe(`'日结':1A '#b:BOARD'`);
  });

  it('stops counting positions where PostgreSQL does (16383)', () => {
    const tokens = Array.from({ length: 16_400 }, (_, i) => `t${i}`);
    expect(weightedTsVector([tokens]).split(' ').at(-1)).toBe(`'t16399':16383A`);
  });

  it('gives a document its filter lexemes: recency grid, kind, every enclosing division, benefits and source', () => {
    const postedAt = new Date('2026-11-20T08:00:00Z');
    expect(filterLexemes({ postedAt, kind: 'GIG', regionCode: '450329103201', benefits: ['BOARD', 'LODGING'], sourceKind: 'GIG_STATION' })).toEqual([
      ...gridLexemes(postingDay(postedAt)),
      '#k:GIG',
      '#r:45',
      '#r:4503',
      '#r:450329',
      '#r:450329103',
      '#r:450329103201',
      '#b:BOARD',
      '#b:LODGING',
      '#s:GIG_STATION',
    ]);
    expect(filterLexemes({ postedAt, kind: 'FULL_TIME', regionCode: '450329', benefits: [], sourceKind: null }).slice(-4)).toEqual([
      '#k:FULL_TIME',
      '#r:45',
      '#r:4503',
      '#r:450329',
    ]);
  });
});
