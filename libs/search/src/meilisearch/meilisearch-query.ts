import { type JobSearchDocument, type JobSearchQuery, JobSearchSort, WAGE_BANDS } from '../engine/job-search.model';
import { indexTokens } from '../tokenize/chinese-tokens';
import { jobWords } from '../tokenize/job-words';

export const MEILI_INDEX = 'jobs';

/** Index settings: what is searched (in rank order), filtered, sorted and faceted. */
export const MEILI_SETTINGS = {
  searchableAttributes: ['title', 'titleTokens', 'occupation', 'employerName', 'otherTokens', 'description'],
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

/**
 * The search box input for Meilisearch: Chinese runs become their bigrams (matching the
 * indexed `titleTokens`/`otherTokens`), latin words stay as typed (prefix-matched).
 */
export function toMeiliText(text: string | undefined): string {
  if (!text) return '';
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3400-\u9fff\uf900-\ufaff]+/g, (run) => {
      const chars = [...run];
      return ` ${
        chars.length === 1
          ? run
          : chars
              .slice(0, -1)
              .map((c, i) => c + chars[i + 1])
              .join(' ')
      } `;
    })
    .replace(/\s+/g, ' ')
    .trim();
}
