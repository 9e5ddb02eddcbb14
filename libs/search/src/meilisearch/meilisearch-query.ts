import { type FederatedMultiSearchParams, type MultiSearchQueryWithFederation } from 'meilisearch';

import { type JobSearchDocument, type JobSearchQuery, JobSearchSort, WAGE_BANDS } from '../engine/job-search.model';
import { indexTokens, PINYIN_SPAN, queryTerms, syllablesOf } from '../tokenize/chinese-tokens';
import { jobWords } from '../tokenize/job-words';

export const MEILI_INDEX = 'jobs';

/** Index settings: what is searched (in rank order), filtered, sorted and faceted. */
export const MEILI_SETTINGS = {
  // soundTokens last: a match by sound (a homophone slip) ranks below a match as written.
  searchableAttributes: ['title', 'titleTokens', 'occupation', 'employerName', 'otherTokens', 'description', 'soundTokens'],
  filterableAttributes: ['regionPath', 'kind', 'wageMonthlyMax', 'benefits', 'sourceKind', 'postedAtTs', 'township', 'wageBand', '_geo'],
  sortableAttributes: ['postedAtTs', 'wageMonthlyMax', '_geo'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  // Chinese bigrams and pinyin are pre-tokenised: typo tolerance would make 'frg' match 'fag'.
  typoTolerance: { enabled: false },
  pagination: { maxTotalHits: 100_000 },
  faceting: { maxValuesPerFacet: 200 },
} as const;

export interface MeiliJobDocument {
  id: string;
  title: string;
  /** Bigrams and pinyin of the title, space-separated: Meilisearch's own Chinese segmentation differs from ours. */
  titleTokens: string;
  occupation: string | null;
  employerName: string | null;
  otherTokens: string;
  description: string | null;
  /**
   * Toneless pinyin of every stretch of 1–PINYIN_SPAN characters of the Chinese runs of the
   * title, occupation and employer (保洁员 → bao, baojie, baojieyuan, jie, jieyuan, yuan), as
   * whole words: the sound form of a query word (toMeiliQueries) matches one of them exactly
   * wherever it stands in the query, where Meilisearch prefix-matches only the last word.
   */
  soundTokens: string;
  /** Every enclosing division code: `regionPath = "450329103"` selects a subtree. */
  regionPath: string[];
  township: string;
  kind: string;
  wageMonthlyMax: number | null;
  wageBand: string | null;
  benefits: string[];
  sourceKind: string | null;
  postedAtTs: number;
  _geo?: { lat: number; lng: number };
}

const CJK_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const CJK_OR_OTHER = /[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g;
const isCjkRun = (part: string) => /^[\u3400-\u9fff\uf900-\ufaff]/.test(part);

/** The soundTokens of some texts: pinyin of every stretch of known syllables up to PINYIN_SPAN long. */
export function soundTokens(texts: (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    for (const run of text?.normalize('NFKC').match(CJK_RUNS) ?? []) {
      const syllables = syllablesOf(run);
      for (let i = 0; i < syllables.length; i++) {
        let sound = '';
        for (let j = i; j < Math.min(i + PINYIN_SPAN, syllables.length) && syllables[j]; j++) tokens.add((sound += syllables[j]));
      }
    }
  }
  return [...tokens];
}

export function wageBandOf(monthly: number | null): string | null {
  if (monthly === null) return null;
  return WAGE_BANDS.find((b) => b.max === null || monthly < b.max)?.value ?? null;
}

export function toMeiliDocument(d: JobSearchDocument): MeiliJobDocument {
  const path = [2, 4, 6, 9, 12].filter((n) => n <= d.regionCode.length).map((n) => d.regionCode.slice(0, n));
  return {
    id: d.id,
    title: d.title,
    titleTokens: indexTokens(d.title).join(' '),
    occupation: d.occupation,
    employerName: d.employerName,
    otherTokens: [...indexTokens(d.occupation), ...indexTokens(d.employerName), ...jobWords(d).flatMap((w) => indexTokens(w, false))].join(' '),
    description: d.description,
    soundTokens: soundTokens([d.title, d.occupation, d.employerName]).join(' '),
    regionPath: path,
    township: d.regionCode.slice(0, 9),
    kind: d.kind,
    wageMonthlyMax: d.wageMonthlyMax,
    wageBand: wageBandOf(d.wageMonthlyMax),
    benefits: d.benefits,
    sourceKind: d.sourceKind,
    postedAtTs: Math.floor(d.postedAt.getTime() / 1000),
    ...(d.lat !== null && d.lng !== null ? { _geo: { lat: d.lat, lng: d.lng } } : {}),
  };
}

const literal = (value: string) => JSON.stringify(value);

/** The same filter input as the PostgreSQL engine, as a Meilisearch filter expression. */
export function toMeiliFilter(query: JobSearchQuery): string[] {
  const filter = query.filter ?? {};
  const parts: string[] = [];
  if (filter.regionCode) parts.push(`regionPath = ${literal(filter.regionCode)}`);
  if (filter.kinds?.length) parts.push(`kind IN [${filter.kinds.map(literal).join(', ')}]`);
  if (filter.minMonthlyWage !== undefined) parts.push(`wageMonthlyMax >= ${Number(filter.minMonthlyWage)}`);
  for (const benefit of filter.benefits ?? []) parts.push(`benefits = ${literal(benefit)}`);
  if (filter.sourceKinds?.length) parts.push(`sourceKind IN [${filter.sourceKinds.map(literal).join(', ')}]`);
  if (filter.postedWithinDays !== undefined) {
    const since = Math.floor(((query.now ?? new Date()).getTime() - filter.postedWithinDays * 86_400_000) / 1000);
    parts.push(`postedAtTs >= ${since}`);
  }
  if (query.near && filter.withinKm !== undefined) parts.push(`_geoRadius(${query.near.lat}, ${query.near.lng}, ${Math.round(filter.withinKm * 1000)})`);
  return parts;
}

export function toMeiliSort(query: JobSearchQuery): string[] | undefined {
  switch (query.sort ?? JobSearchSort.RELEVANCE) {
    case JobSearchSort.DISTANCE:
      return query.near ? [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`, 'postedAtTs:desc'] : ['postedAtTs:desc'];
    case JobSearchSort.WAGE:
      return ['wageMonthlyMax:desc', 'postedAtTs:desc'];
    case JobSearchSort.NEWEST:
      return ['postedAtTs:desc'];
    default:
      return query.text ? undefined : ['postedAtTs:desc'];
  }
}

/** The bigrams of a Chinese run (its single character when alone), space-separated. */
const bigrams = (run: string) => {
  const chars = [...run];
  return chars.length === 1
    ? run
    : chars
        .slice(0, -1)
        .map((c, i) => c + chars[i + 1])
        .join(' ');
};

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The search box input for Meilisearch: Chinese runs become their bigrams (matching the
 * indexed `titleTokens`/`otherTokens`), latin words stay as typed (prefix-matched).
 */
export function toMeiliText(text: string | undefined): string {
  if (!text) return '';
  return tidy(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(CJK_RUNS, (run) => ` ${bigrams(run)} `),
  );
}

/** A search by sound is worth this much of the same match as written (federationOptions.weight). */
export const SOUND_WEIGHT = 0.8;
/** Query words tried by sound; a longer query tries its first MAX_SOUND_WORDS Chinese words by sound (2^n queries). */
export const MAX_SOUND_WORDS = 3;

export interface MeiliTextQuery {
  q: string;
  weight: number;
}

/**
 * The forms of a search box input that together find what the PostgreSQL engine finds
 * (toTsQuery): every word must match, and a Chinese word of 2–12 characters matches either
 * as written (its bigrams) or by its sound (its toneless pinyin, per PINYIN_SPAN characters,
 * against `soundTokens`), so 保结员, an input-method slip, still finds 保洁员. Meilisearch has
 * no OR inside a query, so each choice of written/sound per word is one query of a federated
 * multi-search: the first is the text as written (weight 1), the others carry SOUND_WEIGHT.
 * A text without such a word gives one query.
 */
export function toMeiliQueries(text: string | undefined): MeiliTextQuery[] {
  const parts = (text ?? '').normalize('NFKC').toLowerCase().match(CJK_OR_OTHER) ?? [];
  const forms = parts.map((part) => {
    if (!isCjkRun(part)) return { written: part, sound: undefined };
    return { written: ` ${bigrams(part)} `, sound: queryTerms(part)[0]?.homophones?.join(' ') };
  });
  const soundable = forms.flatMap((form, index) => (form.sound ? [index] : [])).slice(0, MAX_SOUND_WORDS);
  const queries: MeiliTextQuery[] = [];
  for (let mask = 0; mask < 1 << soundable.length; mask++) {
    const bySound = new Set(soundable.filter((_, bit) => mask & (1 << bit)));
    const q = tidy(forms.map((form, index) => (bySound.has(index) ? ` ${form.sound} ` : form.written)).join(''));
    queries.push({ q, weight: mask === 0 ? 1 : SOUND_WEIGHT });
  }
  return queries;
}

/** Facet attributes asked for on every search. */
export const MEILI_FACETS = ['kind', 'township', 'wageBand', 'benefits'];

/**
 * The federated multi-search (Meilisearch ≥ 1.11: `federation.facetsByIndex`) for a search
 * whose text has words that may match by sound: one query per form (toMeiliQueries), the
 * same filter and sort in each (so their ranking rules are compatible), paging and facets
 * on the federation. Meilisearch returns each document once, at its best weighted score;
 * the total and the facets count the union of the queries' matches in the index.
 */
export function toMeiliFederatedSearch(query: JobSearchQuery, indexUid: string): FederatedMultiSearchParams | undefined {
  const forms = toMeiliQueries(query.text);
  if (forms.length < 2) return undefined;
  const filter = toMeiliFilter(query);
  const sort = toMeiliSort(query);
  return {
    federation: { limit: query.limit, offset: query.offset, facetsByIndex: { [indexUid]: MEILI_FACETS } },
    queries: forms.map(({ q, weight }): MultiSearchQueryWithFederation => ({
      indexUid,
      q,
      filter,
      ...(sort ? { sort } : {}),
      showRankingScore: true,
      matchingStrategy: 'all',
      federationOptions: { weight },
    })),
  };
}
