import { indexTokens, pinyinGrams, pinyinOf, queryTerms, segmentWords, syllablesOf } from '../tokenize/chinese-tokens';

describe('Chinese-aware tokens', () => {
  const tokens = indexTokens('招聘缝纫工，日结，包吃住');

  it('indexes characters and bigrams so two-character words are never missed', () => {
    expect(tokens).toEqual(expect.arrayContaining(['缝纫', '纫工', '日结', '包吃', '吃住', '缝']));
  });

  it('indexes pinyin in full and as initials from every character (shorter spans match as prefixes)', () => {
    expect(pinyinOf('缝纫工')).toEqual({ full: 'fengrengong', initials: 'frg' });
    expect(tokens).toEqual(expect.arrayContaining(['zhaopinfengrengong', 'fengrengong', 'frg', 'baochizhu', 'bcz']));
  });

  it('indexes pinyin across word boundaries, whatever the segmenter does with the title', () => {
    // ICU splits 保洁员 into 保|洁|员 and 村道保洁员 into 村|道|保|洁|员.
    expect(segmentWords('村道保洁员')).toEqual(['村', '道', '保', '洁', '员']);
    const title = indexTokens('村道保洁员（公益性岗位）');
    expect(title).toEqual(expect.arrayContaining(['baojieyuan', 'bjy', 'cdbjy', 'gongyixinggangwei', 'gyxgw']));
    // Shorter spans are reached by prefix matching, e.g. `baojie` and `jieyuan` are prefixes of these.
    expect(title.some((t) => t.startsWith('jieyuan'))).toBe(true);
    expect(indexTokens('扶贫车间缝纫工')).toEqual(expect.arrayContaining(['fengrengong', 'frg', 'chejianfengrengong']));
  });

  it('reads pinyin in context and keeps unknown characters out of it', () => {
    expect(syllablesOf('厂长')).toEqual(['chang', 'zhang']);
    expect(pinyinGrams('保洁员')).toEqual(['baojieyuan', 'bjy', 'jieyuan', 'jy', 'yuan']);
  });

  it('keeps latin words and numbers', () => {
    expect(indexTokens('月薪3000元 app')).toEqual(expect.arrayContaining(['3000', 'app', 'yuexin']));
  });

  it('turns a search box input into terms that must all match', () => {
    expect(queryTerms('缝纫 日结')).toEqual([
      { lexemes: ['缝纫'], prefix: false, homophones: ['fengren'] },
      { lexemes: ['日结'], prefix: false, homophones: ['rijie'] },
    ]);
    expect(queryTerms('服务员')).toEqual([{ lexemes: ['服务', '务员'], prefix: false, homophones: ['fuwuyuan'] }]);
    expect(queryTerms('可领原料回家')).toEqual([{ lexemes: ['可领', '原料', '回家'], prefix: false, homophones: ['kelingyuanliaohuijia'] }]);
    expect(queryTerms('电子厂普工')).toEqual([{ lexemes: ['电子', '厂普', '普工'], prefix: false, homophones: ['dianzichangpugong'] }]);
    // A homophone typed by mistake sounds the same: 保结员 for 保洁员.
    expect(queryTerms('保结员')[0].homophones).toEqual(queryTerms('保洁员')[0].homophones);
    // One character alone is too vague to match by sound; seven or more are matched six at a time.
    expect(queryTerms('工')).toEqual([{ lexemes: ['工'], prefix: false }]);
    expect(queryTerms('资源县瓜里乡金江村')[0].homophones).toEqual(['ziyuanxiangualixiang', 'jinjiangcun']);
    expect(queryTerms('FengRen')).toEqual([{ lexemes: ['fengren'], prefix: true }]);
    expect(queryTerms('3000')).toEqual([{ lexemes: ['3000'], prefix: false }]);
  });
});
