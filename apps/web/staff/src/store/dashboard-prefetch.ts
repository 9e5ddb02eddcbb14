import { Dashboard } from '../api/dashboard';
import type { DashboardQuery, DashboardQueryVariables } from '../gql/graphql';
import { request, session } from '../session';

/**
 * The dashboard's figures for its default question (the account's region, this year so far),
 * requested by the route loader while the page and ECharts download, instead of after them.
 */
let pending: { key: string; promise: Promise<DashboardQuery> } | null = null;

const iso = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export function defaultPeriod(today = new Date()): [string, string] {
  return [`${today.getFullYear()}-01-01`, iso(today)];
}

const keyOf = (variables: DashboardQueryVariables) => JSON.stringify(variables);

export function prefetchDashboard(): void {
  if (!session.signedIn.value) return;
  const [from, to] = defaultPeriod();
  const variables: DashboardQueryVariables = { region: null, period: { from, to } };
  const promise = request(Dashboard, variables);
  promise.catch(() => undefined);
  pending = { key: keyOf(variables), promise };
}

/** The dashboard's figures: the prefetched answer when it is for the same question, else a new request. */
export function dashboardFigures(variables: DashboardQueryVariables): Promise<DashboardQuery> {
  const prefetched = pending;
  pending = null;
  if (prefetched && prefetched.key === keyOf(variables)) return prefetched.promise;
  return request(Dashboard, variables);
}
