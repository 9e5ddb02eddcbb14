import { onMounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue';

import { messageOf } from '../api-error';

export interface Loaded<T> {
  data: ShallowRef<T | undefined>;
  /** The API's Chinese message when the last load failed. */
  error: Ref<string>;
  loading: Ref<boolean>;
  reload: () => Promise<void>;
}

/**
 * Runs a page's load on mount (and on reload): the data, a loading flag for the skeleton and
 * the failure as the API's Chinese message, so every page has words for each state.
 */
export function useLoad<T>(load: () => Promise<T>, options: { immediate?: boolean } = {}): Loaded<T> {
  const data = shallowRef<T>();
  const error = ref('');
  const loading = ref(options.immediate !== false);
  async function reload(): Promise<void> {
    loading.value = true;
    error.value = '';
    try {
      data.value = await load();
    } catch (caught) {
      error.value = messageOf(caught);
    } finally {
      loading.value = false;
    }
  }
  if (options.immediate !== false) onMounted(reload);
  return { data, error, loading, reload };
}
