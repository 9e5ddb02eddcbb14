import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export const isCjk = (text: string) => CJK.test(text);

/** Word-like segments (ICU word segmentation), lower-cased, punctuation dropped. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC'))) {
    if (isWordLike) words.push(segment.toLowerCase());
  }
  return words;
}

/** Every character and every pair of adjacent characters of a CJK run: a two-character word is never missed. */
function cjkGrams(run: string): string[] {
  const chars = [...run];
  const grams = [...chars];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i] + chars[i + 1]);
  return grams;
}

const pinyinCache = new Map<string, { full: string; initials: string }>();

/** Full pinyin (no tones) and initials of a Chinese word: 缝纫工 → fengrengong, frg. Cached: job texts repeat their words. */
export function pinyinOf(word: string): { full: string; initials: string } {
  const cached = pinyinCache.get(word);
  if (cached) return cached;
  const result = computePinyin(word);
  if (pinyinCache.size > 200_000) pinyinCache.clear();
  pinyinCache.set(word, result);
  return result;
}

function computePinyin(word: string): { full: string; initials: string } {
  const full = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('');
  const initials = pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('');
  return { full: full.toLowerCase(), initials: initials.toLowerCase() };
}

/**
 * Index tokens of a text: characters and bigrams of Chinese runs (across word
 * boundaries, so "日结" is found even where ICU splits it), latin words and numbers as
 * they are, and pinyin of each word and of each pair of adjacent words, in full and as
 * initials — so `fengren`, `fengrengong` and `frg` all reach 缝纫工. Long texts (descriptions)
 * are indexed without pinyin: people type pinyin for what a job is called, not for its details.
 */
export function indexTokens(text: string | null | undefined, withPinyin = true): string[] {
  if (!text) return [];
  const tokens = new Set<string>();
  const words = segmentWords(text);
  for (const word of words) {
    if (isCjk(word)) for (const gram of cjkGrams(word)) tokens.add(gram);
    else tokens.add(word);
  }
  // Bigrams across ICU's word boundaries inside each unbroken Chinese run.
  for (const run of text.normalize('NFKC').match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) for (const gram of cjkGrams(run)) tokens.add(gram);
  if (!withPinyin) return [...tokens];
  const chinese = words.filter(isCjk);
  for (let i = 0; i < chinese.length; i++) {
    for (const phrase of [chinese[i], i + 1 < chinese.length ? chinese[i] + chinese[i + 1] : undefined]) {
      if (!phrase) continue;
      const { full, initials } = pinyinOf(phrase);
      if (full) tokens.add(full);
      if (initials.length >= 2) tokens.add(initials);
    }
  }
  return [...tokens];
}

export interface QueryTerm {
  /** All of these lexemes must match (the bigrams of one Chinese word). */
  lexemes: string[];
  /** Latin input is matched as a prefix (pinyin typed so far). */
  prefix: boolean;
}

/**
 * The terms of a search box input, each of which must match: an unbroken Chinese run
 * becomes its bigrams (or its single character), so 日结 must appear as written; a latin
 * word is a prefix (pinyin or initials typed so far, 'app'); a number is itself.
 */
export function queryTerms(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const part of text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
    if (isCjk(part)) {
      const chars = [...part];
      terms.push({ lexemes: chars.length === 1 ? chars : chars.slice(0, -1).map((c, i) => c + chars[i + 1]), prefix: false });
      continue;
    }
    for (const word of segmentWords(part)) terms.push({ lexemes: [word], prefix: /^[a-z]+$/.test(word) });
  }
  return terms;
}
