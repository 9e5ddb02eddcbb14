import { onBeforeUnmount, ref, type Ref } from 'vue';

/** True while the media query matches (e.g. a phone's width), updated as the window changes. */
export function useMedia(query: string): Ref<boolean> {
  const list = typeof matchMedia === 'function' ? matchMedia(query) : null;
  const matches = ref(list?.matches ?? false);
  const update = (event: MediaQueryListEvent) => (matches.value = event.matches);
  list?.addEventListener('change', update);
  onBeforeUnmount(() => list?.removeEventListener('change', update));
  return matches;
}

/** Phones and narrow windows: the console's menu becomes a drawer and tables become cards. */
export const PHONE_QUERY = '(max-width: 767px)';
