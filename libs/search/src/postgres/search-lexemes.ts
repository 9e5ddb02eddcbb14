import { type JobSearchDocument } from '../engine/job-search.model';
import { queryTerms } from '../tokenize/chinese-tokens';
import { gridLexemes, postingDay } from './recency-grid';

/** A lexeme quoted for a tsquery or tsvector literal. */
export const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * A tsquery literal from the search box input: every term must match; latin terms as prefixes.
 * A Chinese word also matches by its sound (`homophones`): 保结员, an input-method slip for
 * 保洁员, finds it through the pinyin indexed for titles, occupations and employers.
 */
export function toTsQuery(text: string): string | undefined {
  const parts = queryTerms(text).map((term) => {
    const exact = term.lexemes.map((l) => `${quoteLexeme(l)}${term.prefix ? ':*' : ''}`).join(' & ');
    const sound = term.homophones?.map((l) => `${quoteLexeme(l)}:*`).join(' & ');
    return sound ? `(${exact}) | (${sound})` : exact;
  });
  return parts.length ? parts.map((p) => `(${p})`).join(' & ') : undefined;
}

const WEIGHTS = ['A', 'B', 'C'] as const;
/** PostgreSQL keeps at most this many positions per lexeme, and positions up to 16383. */
const MAX_POSITION = 16_383;

/**
 * A tsvector literal in which every lexeme carries positions with the weight of the field it
 * came from (title A, occupation and employer B, description C). Weights live in positions:
 * a tsvector made with array_to_tsvector has none, and setweight then cannot mark anything,
 * so ts_rank could not tell a title match from a description match.
 */
export function weightedTsVector(fields: string[][], plain: string[] = []): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  fields.forEach((tokens, field) => {
    for (const token of tokens) {
      if (position < MAX_POSITION) position += 1;
      const list = positions.get(token) ?? [];
      if (list.length < 8 && !list.some((p) => p.endsWith(WEIGHTS[field]))) list.push(`${position}${WEIGHTS[field]}`);
      positions.set(token, list);
    }
  });
  for (const lexeme of plain) if (!positions.has(lexeme)) positions.set(lexeme, []);
  return [...positions].map(([lexeme, list]) => (list.length ? `${quoteLexeme(lexeme)}:${list.join(',')}` : quoteLexeme(lexeme))).join(' ');
}

/** The lengths of region code whose `#r:` lexeme a document carries (province … village). */
export const REGION_PREFIXES = [2, 4, 6, 9, 12];

/**
 * Lexemes that let one GIN scan apply the equality filters and the recency slices before any
 * row is read: the recency grid (`#g`), `#k:<kind>`, `#r:<code>` for every enclosing division, `#b:<benefit>`,
 * `#s:<source>`. They start with '#', which no search box input produces (queryTerms keeps
 * only word characters).
 */
export function filterLexemes(d: Pick<JobSearchDocument, 'postedAt' | 'kind' | 'regionCode' | 'benefits' | 'sourceKind'>): string[] {
  return [
    ...gridLexemes(postingDay(d.postedAt)),
    `#k:${d.kind}`,
    ...REGION_PREFIXES.filter((n) => n <= d.regionCode.length).map((n) => `#r:${d.regionCode.slice(0, n)}`),
    ...d.benefits.map((b) => `#b:${b}`),
    ...(d.sourceKind ? [`#s:${d.sourceKind}`] : []),
  ];
}
