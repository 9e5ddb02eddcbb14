import { indexTokens, type JobSearchDocument, type JobSearchFilter, queryTerms } from '@jobcode/search';

/**
 * Whether a job (as the search index sees it) matches a saved search: the same rules as the
 * engines (every query term; latin terms as prefixes; filters), checked in memory for one job,
 * so alerts work the same whichever engine serves search.
 */
export function matchesSavedSearch(search: { query: string | null; filter: JobSearchFilter }, doc: JobSearchDocument): boolean {
  const f = search.filter ?? {};
  if (f.regionCode && !doc.regionCode.startsWith(f.regionCode)) return false;
  if (f.kinds?.length && !f.kinds.includes(doc.kind)) return false;
  if (f.minMonthlyWage !== undefined && f.minMonthlyWage !== null && (doc.wageMonthlyMax ?? -1) < f.minMonthlyWage) return false;
  if (f.benefits?.length && !f.benefits.every((b) => doc.benefits.includes(b))) return false;
  if (f.sourceKinds?.length && !(doc.sourceKind && f.sourceKinds.includes(doc.sourceKind))) return false;
  if (!search.query?.trim()) return true;
  const tokens = new Set([...indexTokens(doc.title), ...indexTokens(doc.occupation), ...indexTokens(doc.employerName), ...indexTokens(doc.description, false)]);
  const all = [...tokens];
  return queryTerms(search.query).every((term) => term.lexemes.every((lexeme) => (term.prefix ? all.some((t) => t.startsWith(lexeme)) : tokens.has(lexeme))));
}
