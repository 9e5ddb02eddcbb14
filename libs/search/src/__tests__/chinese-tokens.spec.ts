import { indexTokens, pinyinOf, queryTerms } from '../tokenize/chinese-tokens';

describe('Chinese-aware tokens', () => {
  const tokens = indexTokens('招聘缝纫工，日结，包吃住');

  it('indexes characters and bigrams so two-character words are never missed', () => {
    expect(tokens).toEqual(expect.arrayContaining(['缝纫', '纫工', '日结', '包吃', '吃住', '缝']));
  });

  it('indexes pinyin in full and as initials, per word and per word pair', () => {
    expect(pinyinOf('缝纫工')).toEqual({ full: 'fengrengong', initials: 'frg' });
    expect(tokens).toEqual(expect.arrayContaining(['fengren', 'fengrengong', 'frg']));
  });

  it('turns a search box input into terms that must all match', () => {
    expect(queryTerms('缝纫 日结')).toEqual([
      { lexemes: ['缝纫'], prefix: false },
      { lexemes: ['日结'], prefix: false },
    ]);
    expect(queryTerms('服务员')).toEqual([{ lexemes: ['服务', '务员'], prefix: false }]);
    expect(queryTerms('FengRen')).toEqual([{ lexemes: ['fengren'], prefix: true }]);
    expect(queryTerms('3000')).toEqual([{ lexemes: ['3000'], prefix: false }]);
  });
});
