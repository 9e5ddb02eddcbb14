import { onMounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

import { messageOf } from '../api-error';

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
}

/** A Relay connection as one Page: its nodes, its count and where the next page starts. */
export function fromConnection<T>(connection: {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: T }[];
}): Page<T> {
  return {
    nodes: connection.edges.map((edge) => edge.node),
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

export interface Pages<T> {
  /** Every item loaded so far, page after page. */
  items: ShallowRef<T[] | undefined>;
  totalCount: Ref<number>;
  hasMore: Ref<boolean>;
  /** The first page's failure (the page shows it in place of the list). */
  error: Ref<string>;
  loading: Ref<boolean>;
  /** A later page's failure (shown beside "加载更多", the list stays). */
  moreError: Ref<string>;
  loadingMore: Ref<boolean>;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * A Relay connection read page by page ("加载更多"): the first page on mount and on reload,
 * each next one after the last cursor (keyset, so nothing is skipped or shown twice while
 * new items arrive at the top).
 */
export function usePages<T>(loadPage: (after: string | null) => Promise<Page<T>>): Pages<T> {
  const items = shallowRef<T[]>();
  const totalCount = ref(0);
  const hasMore = ref(false);
  const error = ref('');
  const loading = ref(true);
  const moreError = ref('');
  const loadingMore = ref(false);
  let cursor: string | null = null;
  let generation = 0;

  function take(page: Page<T>, previous: T[]): void {
    items.value = [...previous, ...page.nodes];
    totalCount.value = page.totalCount;
    hasMore.value = page.hasNextPage && Boolean(page.endCursor);
    cursor = page.endCursor ?? null;
  }

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = '';
    moreError.value = '';
    try {
      const page = await loadPage(null);
      if (mine === generation) take(page, []);
    } catch (caught) {
      if (mine === generation) error.value = messageOf(caught);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function loadMore(): Promise<void> {
    if (!hasMore.value || loadingMore.value) return;
    const mine = generation;
    loadingMore.value = true;
    moreError.value = '';
    try {
      const page = await loadPage(cursor);
      if (mine === generation) take(page, items.value ?? []);
    } catch (caught) {
      if (mine === generation) moreError.value = messageOf(caught);
    } finally {
      loadingMore.value = false;
    }
  }

  onMounted(reload);
  return { items, totalCount, hasMore, error, loading, moreError, loadingMore, reload, loadMore };
}
