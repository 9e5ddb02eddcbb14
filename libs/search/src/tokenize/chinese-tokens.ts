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

/** Longest span (in characters) whose pinyin is indexed from each position; shorter spans are reached by prefix matching. */
export const PINYIN_SPAN = 6;

const pinyinCache = new Map<string, { full: string; initials: string }>();
const syllableCache = new Map<string, string[]>();

/** Full pinyin (no tones) and initials of a Chinese word: 缝纫工 → fengrengong, frg. Cached: job texts repeat their words. */
export function pinyinOf(word: string): { full: string; initials: string } {
  const cached = pinyinCache.get(word);
  if (cached) return cached;
  const syllables = syllablesOf(word);
  const result = { full: syllables.join(''), initials: syllables.map((s) => s.charAt(0)).join('') };
  if (pinyinCache.size > 200_000) pinyinCache.clear();
  pinyinCache.set(word, result);
  return result;
}

/**
 * One toneless syllable per character of a Chinese run, read in context (so 厂长 is chang zhang
 * and 长期 is chang qi); a character pinyin-pro does not know gives ''. Cached per run.
 */
export function syllablesOf(run: string): string[] {
  const cached = syllableCache.get(run);
  if (cached) return cached;
  const chars = [...run];
  let syllables = pinyin(run, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro returns one item per character for Chinese text; fall back to one call per character otherwise.
  if (syllables.length !== chars.length) syllables = chars.map((c) => pinyin(c, { toneType: 'none', v: true }));
  const result = syllables.map((s) => (/^[a-z]+$/i.test(s) ? s.toLowerCase() : ''));
  if (syllableCache.size > 200_000) syllableCache.clear();
  syllableCache.set(run, result);
  return result;
}

/**
 * Pinyin of a Chinese run, independent of word segmentation: from every character, the full
 * pinyin and the initials of the next PINYIN_SPAN characters. Queries match pinyin as a prefix,
 * so 保洁员 (which ICU splits 保|洁|员) is reached by `baojieyuan`, `baojie`, `jieyuan`, `bjy`
 * and `bj`, and 缝纫工 by `fengrengong`, `fengren` and `frg`.
 */
export function pinyinGrams(run: string): string[] {
  const syllables = syllablesOf(run);
  const grams: string[] = [];
  for (let i = 0; i < syllables.length; i++) {
    const span = syllables.slice(i, i + PINYIN_SPAN);
    const end = span.indexOf('');
    const known = end === -1 ? span : span.slice(0, end);
    if (known.length === 0) continue;
    grams.push(known.join(''));
    if (known.length >= 2) grams.push(known.map((s) => s.charAt(0)).join(''));
  }
  return grams;
}

const CJK_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * Index tokens of a text: characters and bigrams of Chinese runs (across word
 * boundaries, so "日结" is found even where ICU splits it), latin words and numbers as
 * they are, and the pinyin of every Chinese run from each character on (pinyinGrams), in
 * full and as initials — so `fengren`, `fengrengong` and `frg` reach 缝纫工 and `bjy` reaches
 * 保洁员 however the segmenter splits them. Long texts (descriptions) are indexed without
 * pinyin: people type pinyin for what a job is called, not for its details.
 */
export function indexTokens(text: string | null | undefined, withPinyin = true): string[] {
  if (!text) return [];
  const tokens = new Set<string>();
  // Latin words and numbers (a segment mixing scripts keeps its non-Chinese part).
  for (const word of segmentWords(text)) for (const part of word.split(CJK_RUNS)) if (part) tokens.add(part);
  const runs = text.normalize('NFKC').match(CJK_RUNS) ?? [];
  // Characters and bigrams of each unbroken Chinese run, across ICU's word boundaries.
  for (const run of runs) for (const gram of cjkGrams(run)) tokens.add(gram);
  if (withPinyin) for (const run of runs) for (const gram of pinyinGrams(run)) tokens.add(gram);
  return [...tokens];
}

export interface QueryTerm {
  /** All of these lexemes must match (the bigrams of one Chinese word). */
  lexemes: string[];
  /** Latin input is matched as a prefix (pinyin typed so far). */
  prefix: boolean;
  /**
   * A Chinese word of 2–12 characters may also match by sound: the pinyin of each 6-character
   * stretch of it, every one matched as a prefix of the indexed pinyin (pinyinGrams), so a
   * homophone typed by mistake (保结员 for 保洁员) still finds the job. Absent otherwise.
   */
  homophones?: string[];
}

/** Pinyin of a Chinese word, one prefix lexeme per PINYIN_SPAN characters; undefined when a character has no pinyin or the word is too short or long. */
function homophoneLexemes(chars: string[]): string[] | undefined {
  if (chars.length < 2 || chars.length > 2 * PINYIN_SPAN) return undefined;
  const syllables = syllablesOf(chars.join(''));
  if (syllables.some((s) => s === '')) return undefined;
  const lexemes: string[] = [];
  for (let i = 0; i < syllables.length; i += PINYIN_SPAN) lexemes.push(syllables.slice(i, i + PINYIN_SPAN).join(''));
  return lexemes;
}

/**
 * Bigrams that cover a Chinese run: every other one, plus the last when the length is odd
 * (可领原料回家 → 可领 原料 回家; 服务员 → 服务 务员). Every indexed bigram is a GIN posting list to
 * intersect; the overlapping ones in between add cost and almost never exclude anything.
 */
function coveringBigrams(chars: string[]): string[] {
  if (chars.length < 2) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 2) grams.push(chars[i] + chars[i + 1]);
  if (chars.length % 2 === 1) grams.push(chars[chars.length - 2] + chars[chars.length - 1]);
  return grams;
}

/**
 * The terms of a search box input, each of which must match: an unbroken Chinese run
 * becomes the bigrams that cover it (or its single character), so 日结 must appear as written; a latin
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
      const homophones = homophoneLexemes(chars);
      terms.push({ lexemes: coveringBigrams(chars), prefix: false, ...(homophones ? { homophones } : {}) });
      continue;
    }
    for (const word of segmentWords(part)) terms.push({ lexemes: [word], prefix: /^[a-z]+$/.test(word) });
  }
  return terms;
}
